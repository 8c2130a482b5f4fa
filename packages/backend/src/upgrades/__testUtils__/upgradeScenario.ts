import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import goldenPathsBackend from '@golden-paths/golden-paths-backend';
import scaffolderModuleGoldenPaths from '@golden-paths/scaffolder-backend-module-golden-paths';
import {
  EXAMPLES_DIR,
  type ScaffolderTestBackend,
  exampleValues,
  readExampleTemplates,
  runTemplate,
  startScaffolderTestBackend,
  upgradeTestConfig,
  waitFor,
  waitForCatalog,
} from '@golden-paths/test-utils';

type Request = ScaffolderTestBackend['request'];

/** The example catalog files an upgrade scenario registers. */
export const UPGRADE_EXAMPLE_FILES = [
  'golden-paths.yaml',
  'org.yaml',
  'systems.yaml',
  'golden-paths-upgrade.yaml',
];

/**
 * A new directory holding a copy of the example catalog `files` and of the
 * Node.js service template, so that a test can release a new path version
 * (or break a revision) without touching the repository's examples;
 * repositories are published into its `repositories` folder.
 */
export async function copyUpgradeExamples(
  prefix: string,
  files: string[] = UPGRADE_EXAMPLE_FILES,
): Promise<{ workdir: string; repositories: string }> {
  const workdir = await mkdtemp(join(tmpdir(), prefix));
  for (const file of files) {
    await cp(join(EXAMPLES_DIR, file), join(workdir, file));
  }
  await cp(
    join(EXAMPLES_DIR, 'templates/node-http-service'),
    join(workdir, 'templates/node-http-service'),
    { recursive: true },
  );
  return { workdir, repositories: join(workdir, 'repositories') };
}

/**
 * Starts the test backend on the copied catalog (`locations`, relative to
 * `workdir`) with the Golden Paths scaffolder module and backend, and
 * `features` besides (such as a permission policy), and waits until the
 * catalog has `entities` paths and templates.
 */
export async function startUpgradeBackend(options: {
  workdir: string;
  repositories: string;
  locations: string[];
  entities: number;
  features?: BackendFeature[];
  /** More of `goldenPaths`, such as `upgrades`. */
  goldenPaths?: JsonObject;
}): Promise<ScaffolderTestBackend> {
  const world = await startScaffolderTestBackend({
    features: [
      scaffolderModuleGoldenPaths,
      goldenPathsBackend,
      ...(options.features ?? []),
    ],
    config: upgradeTestConfig(options),
  });
  await waitForCatalog(
    world.request,
    'the paths and templates in the catalog',
    'kind=goldenpath,kind=template',
    options.entities,
  );
  return world;
}

/**
 * Runs an example template through the scaffolder with the values a
 * developer would submit (and `extra`), and fails unless it completes;
 * returns the task's output.
 */
export async function scaffoldExample(
  request: Request,
  templateName: string,
  componentName: string,
  extra: Record<string, unknown> = {},
): Promise<any> {
  const template = readExampleTemplates().find(t => t.name === templateName)!;
  return runTemplate(request, `template:default/${templateName}`, {
    ...exampleValues(template, componentName),
    ...extra,
  });
}

/**
 * Releases `version` of the Node.js service path in the copied catalog
 * (with `edit` for more changes to its file), and waits until the catalog
 * has it and `until` holds of the path's spec.
 */
export async function releasePathVersion(
  request: Request,
  workdir: string,
  version: string,
  options: {
    edit?: (text: string) => string;
    until?: (spec: any) => Promise<boolean> | boolean;
  } = {},
): Promise<void> {
  const pathsFile = join(workdir, 'golden-paths.yaml');
  const text = (await readFile(pathsFile, 'utf8')).replace(
    'version: 2.1.0',
    `version: ${version}`,
  );
  await writeFile(pathsFile, options.edit ? options.edit(text) : text);
  await waitFor(
    `the path at ${version} in the catalog`,
    async () => {
      const spec = (
        await request(
          'GET',
          '/api/catalog/entities/by-name/goldenpath/default/node-http-service',
        )
      ).body?.spec;
      return (
        spec?.version === version && ((await options.until?.(spec)) ?? true)
      );
    },
    done => done,
    120_000,
  );
}

/** Whether the catalog has the component `name` in the default namespace. */
export async function hasComponent(
  request: Request,
  name: string,
): Promise<boolean> {
  return (
    (
      await request(
        'GET',
        `/api/catalog/entities/by-name/component/default/${name}`,
      )
    ).status === 200
  );
}

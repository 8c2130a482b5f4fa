import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_GOLDEN_PATH_VERSION,
  RELATION_FOLLOWS_GOLDEN_PATH,
  coreKindValidators,
  lintCatalogYaml,
} from '@golden-paths/golden-paths-common';
import {
  SCAFFOLD_RECORD_PATH,
  parseScaffoldRecord,
} from '@golden-paths/golden-paths-node';
import {
  EXAMPLES_DIR,
  type ScaffolderTestBackend,
  directoryContents,
  exampleValues,
  readExampleTemplates,
  runTemplate,
  startScaffolderTestBackend,
  upgradeTestConfig,
  waitFor,
  waitForCatalog,
} from '@golden-paths/test-utils';
import scaffolderModuleGoldenPaths from './index';

/*
 * The example golden-path templates, run through the real scaffolder and
 * catalog backends with this module: a dry run of every template, and one
 * full run that publishes locally and registers the new component.
 */

const templates = readExampleTemplates();

describe('golden-path templates on the real scaffolder', () => {
  let world: ScaffolderTestBackend;
  let repositories: string;
  const request: ScaffolderTestBackend['request'] = (...args) =>
    world.request(...args);

  beforeAll(async () => {
    repositories = await mkdtemp(join(tmpdir(), 'golden-paths-repos-'));
    world = await startScaffolderTestBackend({
      features: [scaffolderModuleGoldenPaths],
      config: upgradeTestConfig({
        workdir: EXAMPLES_DIR,
        repositories,
        locations: [
          'golden-paths.yaml',
          'org.yaml',
          'systems.yaml',
          ...templates.map(t => `templates/${t.name}/template.yaml`),
        ],
      }),
    });
    await waitForCatalog(
      request,
      'the example golden paths and templates in the catalog',
      'kind=goldenpath,kind=template',
      templates.length + 6,
    );
  });

  afterAll(async () => {
    await world?.backend.stop();
    await rm(repositories, { recursive: true, force: true });
  });

  it('has one template per active golden path', () => {
    expect(templates.map(t => t.name)).toEqual([
      'cnf-5g-network-function',
      'ml-training-job',
      'node-http-service',
      'python-data-pipeline',
      'react-frontend',
      'spark-job',
    ]);
  });

  it.each(templates.map(t => [t.name, t] as const))(
    'dry-runs %s with its example values',
    async (name, template) => {
      const response = await request('POST', '/api/scaffolder/v2/dry-run', {
        template: template.entity,
        values: exampleValues(template, `dry-${name}`.slice(0, 40)),
        directoryContents: directoryContents(template.dir),
      });
      const failures = (response.body?.log ?? [])
        .filter((entry: any) => entry.body?.status === 'failed')
        .map((entry: any) => entry.body?.message);
      expect({ status: response.status, failures }).toEqual({
        status: 200,
        failures: [],
      });

      const files: Record<string, string> = {};
      for (const file of response.body.directoryContents) {
        files[file.path] = Buffer.from(file.base64Content, 'base64').toString(
          'utf8',
        );
      }
      // The record holds this render's seed and time: checked on its own.
      const record = parseScaffoldRecord(files[SCAFFOLD_RECORD_PATH]);
      delete files[SCAFFOLD_RECORD_PATH];
      expect(record).toMatchObject({
        schemaVersion: 1,
        path: { entityRef: `goldenpath:default/${name}` },
        values: { name: `dry-${name}`.slice(0, 40) },
      });
      expect(record.files.map(f => f.path).sort()).toEqual(
        Object.keys(files).sort(),
      );
      const paths = Object.keys(files).sort();
      expect(paths).toEqual(
        expect.arrayContaining([
          'catalog-info.yaml',
          '.github/workflows/ci.yaml',
          'k8s/kustomization.yaml',
          'README.md',
          'Dockerfile',
          'docs/index.md',
        ]),
      );

      // The new component's entry passes the same validator as the linter.
      expect(
        await lintCatalogYaml(files['catalog-info.yaml'], {
          validators: coreKindValidators,
        }),
      ).toEqual([]);
      expect(files['catalog-info.yaml']).toContain(
        `${ANNOTATION_GOLDEN_PATH}: goldenpath:default/${name}`,
      );

      // A template change shows up here as a reviewable diff.
      expect(
        Object.fromEntries(paths.map(path => [path, files[path]])),
      ).toMatchSnapshot();
    },
  );

  it('scaffolds the Node.js service for real: repository, catalog entry, relation', async () => {
    await runTemplate(request, 'template:default/node-http-service', {
      ...exampleValues(
        templates.find(t => t.name === 'node-http-service')!,
        'orders-api',
      ),
    });

    const repository = join(repositories, 'orders-api');
    expect((await stat(join(repository, '.git'))).isDirectory()).toBe(true);
    for (const file of [
      'catalog-info.yaml',
      '.github/workflows/ci.yaml',
      'k8s/deployment.yaml',
      'src/server.ts',
    ]) {
      expect((await stat(join(repository, file))).isFile()).toBe(true);
    }
    expect(
      await lintCatalogYaml(
        await readFile(join(repository, 'catalog-info.yaml'), 'utf8'),
        { validators: coreKindValidators },
      ),
    ).toEqual([]);

    const component = await waitFor(
      'the new component and its relation to the golden path',
      async () =>
        (
          await request(
            'GET',
            '/api/catalog/entities/by-name/component/default/orders-api',
          )
        ).body,
      entity =>
        (entity?.relations ?? []).some(
          (r: any) =>
            r.type === RELATION_FOLLOWS_GOLDEN_PATH &&
            r.targetRef === 'goldenpath:default/node-http-service',
        ),
    );
    expect(component.metadata.annotations).toMatchObject({
      [ANNOTATION_GOLDEN_PATH]: 'goldenpath:default/node-http-service',
      [ANNOTATION_GOLDEN_PATH_VERSION]: '2.1.0',
      'backstage.io/source-template': 'template:default/node-http-service',
    });
  }, 180_000);
});

import type { Entity } from '@backstage/catalog-model';
import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import type {
  GoldenPathCheck,
  GoldenPathCheckContext,
  RepositoryFile,
  RepositorySnapshot,
} from '@golden-paths/golden-paths-node';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { parse, parseAllDocuments } from 'yaml';
import { builtInChecks } from '../builtInChecks';

/** Real dry-run outputs of the golden-path templates, one folder per template. */
export const FIXTURES_DIR = resolve(__dirname, '../__fixtures__');

/** The repository's example golden paths. */
export const EXAMPLE_GOLDEN_PATHS = resolve(
  __dirname,
  '../../../../../../examples/golden-paths.yaml',
);

/**
 * The template outputs in {@link FIXTURES_DIR} (the folders with a
 * catalog-info.yaml); each is named after its golden path.
 */
export const FIXTURE_NAMES: string[] = readdirSync(FIXTURES_DIR, {
  withFileTypes: true,
})
  .filter(
    entry =>
      entry.isDirectory() &&
      existsSync(join(FIXTURES_DIR, entry.name, 'catalog-info.yaml')),
  )
  .map(entry => entry.name)
  .sort();

/** What the evaluation reads: the union of the built-in checks' patterns. */
export const BUILT_IN_PATTERNS: string[] = [
  ...new Set(builtInChecks.flatMap(check => check.repositoryFiles ?? [])),
];

function filesUnder(root: string, dir = root): RepositoryFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      return filesUnder(root, full);
    }
    return entry.isFile()
      ? [
          {
            path: relative(root, full).split(sep).join('/'),
            content: readFileSync(full, 'utf8'),
          },
        ]
      : [];
  });
}

/**
 * A fixture folder (`node-http-service`, `ci-variants/gitlab-trivy`) as the
 * evaluation would read it: the files that match
 * the built-in checks' patterns, so a pattern that misses a file shows up
 * as a failing check.
 */
export function fixtureRepository(name: string): RepositorySnapshot {
  const files = filesUnder(join(FIXTURES_DIR, name))
    .filter(file =>
      BUILT_IN_PATTERNS.some(p => minimatch(file.path, p, { dot: true })),
    )
    .sort((a, b) => a.path.localeCompare(b.path));
  return {
    status: 'read',
    location: `https://github.com/example-org/dry-${name}/tree/main/`,
    files,
  };
}

/** A snapshot of exactly these files. */
export function repositoryOf(
  files: Record<string, string>,
): RepositorySnapshot {
  return {
    status: 'read',
    location: 'https://github.com/example-org/payments-api/tree/main/',
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
  };
}

/** The catalog-info.yaml the template wrote, as the catalog would hold it. */
export function fixtureEntity(name: string): Entity {
  const entity = parse(
    readFileSync(join(FIXTURES_DIR, name, 'catalog-info.yaml'), 'utf8'),
  ) as Entity;
  return {
    ...entity,
    metadata: { namespace: 'default', ...entity.metadata },
  };
}

/** A golden path of examples/golden-paths.yaml, by name. */
export function examplePath(name: string): GoldenPathEntityV1alpha1 {
  const paths = parseAllDocuments(readFileSync(EXAMPLE_GOLDEN_PATHS, 'utf8'))
    .map(document => document.toJS() as GoldenPathEntityV1alpha1)
    .filter(entity => entity?.kind === 'GoldenPath');
  const path = paths.find(entity => entity.metadata.name === name);
  if (!path) {
    throw new Error(`examples/golden-paths.yaml has no golden path ${name}`);
  }
  return path;
}

/** What a test may set of a check's context. */
export interface TestContextOptions {
  entity?: Entity;
  path?: GoldenPathEntityV1alpha1;
  repository?: RepositorySnapshot;
  /** Entity refs the catalog has; defaults to the platform team. */
  catalog?: string[];
}

/**
 * A check context; by default the node-http-service template's output,
 * followed as its path, owned by a group the catalog has.
 */
export function checkContext(
  options: TestContextOptions = {},
): GoldenPathCheckContext {
  const catalog = new Set(options.catalog ?? ['group:default/platform-team']);
  return {
    entity: options.entity ?? fixtureEntity('node-http-service'),
    path: options.path ?? examplePath('node-http-service'),
    repository: options.repository ?? fixtureRepository('node-http-service'),
    catalogHas: ref => catalog.has(ref),
  };
}

/**
 * A check's verdict on a repository (by default the node template's), in
 * the context of {@link checkContext}.
 */
export function verdictOf(
  check: GoldenPathCheck,
): (
  repository?: RepositorySnapshot,
) => Promise<Awaited<ReturnType<GoldenPathCheck['evaluate']>>> {
  return async (repository = fixtureRepository('node-http-service')) =>
    check.evaluate(checkContext({ repository }));
}

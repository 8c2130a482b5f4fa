import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseNames, dropDatabases, startBenchBackend } from './backend';
import { runEvaluation } from './evaluationRuns';
import { waitForStitched } from './processingLoop';
import {
  changeRepositories,
  createRepositories,
  repositoryComponents,
} from './repositories';
import type { RepositoryResult } from './reportTypes';
import { syntheticCatalog } from './syntheticCatalog';
import { log, REPOSITORIES_PREFIX } from './runSettings';
import { adoption } from './runReads';

/*
 * The repository-reads phase of a benchmark run: local repositories in
 * their own small catalog, evaluated with nothing cached, with nothing
 * changed, and with some changed.
 */
export async function repositoryFacts(
  count: number,
  emulateAutovacuum: boolean,
): Promise<RepositoryResult> {
  const names = databaseNames(REPOSITORIES_PREFIX);
  await dropDatabases([names.catalog, names.goldenPaths]);
  const directory = await mkdtemp(join(tmpdir(), 'golden-paths-bench-repos-'));
  const { filesPerRepository } = await createRepositories(directory, count);
  const backend = await startBenchBackend({
    prefix: REPOSITORIES_PREFIX,
    repositoriesDirectory: directory,
    emulateAutovacuum,
  });
  try {
    const base = syntheticCatalog();
    const entities = [
      ...base.groups,
      ...base.systems,
      ...base.paths,
      ...repositoryComponents(directory, count, base.owners),
    ];
    const start = Date.now();
    await backend.provider.apply(entities);
    await waitForStitched(backend, entities.length, () => undefined);
    const loadMs = Date.now() - start;
    log(`repositories: ${count} components loaded in ${loadMs} ms`);

    const runs: RepositoryResult['runs'] = [];
    const first = await runEvaluation(backend);
    runs.push({ label: 'first (nothing cached)', evaluation: first });
    log(`repositories: first evaluation ${JSON.stringify(first.stats)}`);
    const second = await runEvaluation(backend);
    runs.push({ label: 'second, nothing changed', evaluation: second });
    log(`repositories: second evaluation ${JSON.stringify(second.stats)}`);
    const changes = Math.min(10, count);
    const changed = Array.from({ length: changes }, (_, i) =>
      Math.floor((i * count) / changes),
    );
    await changeRepositories(directory, changed);
    const third = await runEvaluation(backend);
    runs.push({
      label: `third, ${changed.length} repositories changed`,
      evaluation: third,
    });
    log(`repositories: third evaluation ${JSON.stringify(third.stats)}`);
    const { byName } = await adoption(backend);
    return {
      repositories: count,
      filesPerRepository,
      loadMs,
      runs,
      compliant: byName.get('node-http-service')?.compliant ?? 0,
    };
  } finally {
    await backend.stop();
    await rm(directory, { recursive: true, force: true });
  }
}

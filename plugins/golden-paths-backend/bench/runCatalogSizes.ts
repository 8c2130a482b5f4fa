import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import {
  type BenchBackend,
  connectTo,
  databaseNames,
  dropDatabases,
  startBenchBackend,
} from './backend';
import { compareWithCatalog } from './exactness';
import { seedHistory } from './history';
import { quiesceProcessingLoop, waitForStitched } from './processingLoop';
import { runEvaluation } from './evaluationRuns';
import { conditionalUserPolicy, randomPolicies } from './policies';
import type { Report, SizeResult, StateResult } from './reportTypes';
import {
  catalogFingerprint,
  copyDatabase,
  holdsCatalog,
  markCatalog,
  snapshotName,
  snapshotSizes,
} from './snapshots';
import {
  type SyntheticCatalog,
  syntheticCatalog,
  syntheticComponent,
} from './syntheticCatalog';
import { log, PREFIX } from './runSettings';
import { adoption, measureState } from './runReads';

/*
 * The catalog phase of a benchmark run: each size loaded (or reused),
 * warmed up, given history, then measured in both loop states.
 */
const HISTORY_DAYS = 90;
const RANDOM_POLICY_COUNT = 20;

/** Synthetic components in a catalog database, processed or not. */
async function loadedComponents(database: string): Promise<number> {
  const db = connectTo(database);
  try {
    const row = await db('refresh_state')
      .where('entity_ref', 'like', 'component:default/svc-%')
      .count({ count: '*' })
      .first();
    return Number(row?.count ?? 0);
  } finally {
    await db.destroy();
  }
}

/**
 * Brings the working catalog database to `size` components, the cheapest
 * way: from its own copy of an earlier run (`--reuse`), or by loading what
 * is missing onto the working database or onto the largest smaller copy.
 * Returns the backend started on it and the load figures, if it loaded.
 */
async function prepareCatalog(
  size: number,
  context: {
    reuse: boolean;
    fingerprint: string;
    /** Components the working database holds; updated. */
    loaded: { count: number };
    base: SyntheticCatalog;
    startBackend: () => Promise<BenchBackend>;
  },
): Promise<{
  backend: BenchBackend;
  load?: SizeResult['load'];
  rssAfterLoadMb: number;
}> {
  const { catalog } = databaseNames(PREFIX);
  const { reuse, fingerprint, loaded, base } = context;
  const snapshots = reuse ? await snapshotSizes(catalog, fingerprint) : [];
  const restore = async (from: number) => {
    log(`${size}: the catalog from its copy of ${from} components`);
    await copyDatabase(snapshotName(catalog, from), catalog);
    loaded.count = from;
  };
  const fixed: Entity[] = [...base.groups, ...base.systems, ...base.paths];
  if (snapshots.includes(size)) {
    await restore(size);
    const backend = await context.startBackend();
    await waitForStitched(backend, fixed.length + size, () => undefined);
    await quiesceProcessingLoop(backend);
    return { backend, rssAfterLoadMb: process.memoryUsage().rss / 1024 ** 2 };
  }
  const smaller = snapshots.filter(n => n < size).pop();
  if (loaded.count > size || (smaller && smaller > loaded.count)) {
    if (smaller) {
      await restore(smaller);
    } else {
      await dropDatabases([catalog]);
      loaded.count = 0;
    }
  }

  let backend = await context.startBackend();
  // Entities left due by an interrupted run would slow the load down.
  await quiesceProcessingLoop(backend);
  const components = Array.from({ length: size }, (_, i) =>
    syntheticComponent(base, i),
  );
  const added = size - loaded.count;
  log(`${size} components: adding ${added}`);
  const start = Date.now();
  await backend.provider.apply([...fixed, ...components]);
  const mutationMs = Date.now() - start;
  components.length = 0;
  let lastLog = 0;
  await waitForStitched(backend, fixed.length + size, count => {
    if (Date.now() - lastLog > 60_000) {
      lastLog = Date.now();
      log(`  stitched ${count} of ${fixed.length + size}`);
    }
  });
  const totalMs = Date.now() - start;
  loaded.count = size;
  log(`  loaded in ${totalMs} ms (applyMutation ${mutationMs} ms)`);
  const rssAfterLoadMb = process.memoryUsage().rss / 1024 ** 2;
  await quiesceProcessingLoop(backend);

  // A copy for later runs; PostgreSQL copies a database nobody uses.
  await backend.stop();
  await markCatalog(catalog, fingerprint);
  const copyStart = Date.now();
  await copyDatabase(catalog, snapshotName(catalog, size));
  log(
    `  kept as ${snapshotName(catalog, size)} (${Date.now() - copyStart} ms)`,
  );
  backend = await context.startBackend();
  await quiesceProcessingLoop(backend);
  return {
    backend,
    load: added > 0 ? { addedEntities: added, mutationMs, totalMs } : undefined,
    rssAfterLoadMb,
  };
}

export async function catalogSizes(
  sizes: number[],
  options: {
    reuse: boolean;
    requests: number;
    repeat: number;
    profile: boolean;
    emulateAutovacuum: boolean;
  },
  report: Report,
  write: () => void,
): Promise<void> {
  const names = databaseNames(PREFIX);
  const base = syntheticCatalog();
  const fingerprint = catalogFingerprint(base);
  const policies = [
    conditionalUserPolicy,
    ...randomPolicies(base, RANDOM_POLICY_COUNT),
  ];
  const loaded = { count: 0 };
  if (options.reuse && (await holdsCatalog(names.catalog, fingerprint))) {
    // A catalog left by an earlier run: a start to load onto.
    loaded.count = await loadedComponents(names.catalog);
    log(`the working catalog holds ${loaded.count} synthetic components`);
  } else {
    await dropDatabases([names.catalog]);
  }
  const startBackend = async () => {
    // The plugin's tables only hold derived results: start them afresh.
    await dropDatabases([names.goldenPaths]);
    return startBenchBackend({
      prefix: PREFIX,
      repositoriesDirectory: join(tmpdir(), 'golden-paths-bench-none'),
      emulateAutovacuum: options.emulateAutovacuum,
      policies,
    });
  };

  for (const size of sizes) {
    const followers = Array.from({ length: size }, (_, i) =>
      syntheticComponent(base, i),
    ).filter(c => c.metadata.annotations?.['golden-paths.dev/path']).length;
    const { backend, load, rssAfterLoadMb } = await prepareCatalog(size, {
      reuse: options.reuse,
      fingerprint,
      loaded,
      base,
      startBackend,
    });
    try {
      const warmUp = await runEvaluation(backend);
      log(`  warm-up evaluation ${warmUp.runMs} ms`);
      const counted = (await adoption(backend)).adoption;
      if (counted !== followers || warmUp.storedResults !== followers) {
        report.notes.push(
          `At ${size}: GET /paths counted ${counted} followers and the run stored ${warmUp.storedResults} results; ${followers} expected.`,
        );
      }
      if (warmUp.stats.components !== warmUp.storedResults) {
        report.notes.push(
          `At ${size}: the run's stats say ${warmUp.stats.components} components, it stored ${warmUp.storedResults} results.`,
        );
      }
      const history = await seedHistory(backend.goldenPathsDb, {
        days: HISTORY_DAYS,
      });
      log(
        history.seeded
          ? `  history: ${history.days} days, ${history.intervals} intervals of ${history.followers} followers, ${history.changesPerDay} changes a day (${history.ms} ms)`
          : `  history not seeded: ${history.reason}`,
      );
      const states: StateResult[] = [];
      for (const state of ['quiescent', 'active'] as const) {
        states.push(
          await measureState(backend, state, {
            ...options,
            history: history.seeded,
          }),
        );
      }
      const exactness = await compareWithCatalog(backend, policies.slice(1));
      log(
        `  exactness: ${exactness.exact}/${exactness.policies} policies exact, ${exactness.pathCounts} path counts compared, ${exactness.differences.length} differ`,
      );
      report.sizes.push({
        components: size,
        followers,
        ...(load ? { load } : {}),
        rssAfterLoadMb,
        warmUp,
        history,
        states,
        exactness,
      });
      write();
    } finally {
      await backend.stop();
    }
  }
}

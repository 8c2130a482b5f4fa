import { Session } from 'node:inspector/promises';

/** Where CPU time (ms) or allocated memory (MB) goes, by the code. */
export type Breakdown = Array<{ category: string; value: number }>;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** `Profiler.stop`: the call tree as a list, samples of node ids. */
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `HeapProfiler.stopSampling`: the call tree with sampled bytes. */
interface HeapNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: HeapNode[];
}

/** Script URL patterns, first match wins. */
const CATEGORIES: Array<[string, RegExp]> = [
  ['golden-paths: checks', /golden-paths-backend\/src\/services\/checks\//],
  ['golden-paths: store (knex calls)', /golden-paths-backend\/src\/database\//],
  [
    'golden-paths: evaluation and the rest',
    /golden-paths-[a-z]+\/src\/|golden-paths-common\//,
  ],
  ['catalog: serving queries', /plugin-catalog-backend\//],
  ['catalog client', /catalog-client\/|plugin-catalog-node\//],
  [
    'database driver (knex, pg)',
    /node_modules\/(knex|pg|pg-protocol|pg-types|pgpass)\//,
  ],
  [
    'HTTP server and backend framework',
    /node_modules\/(express|body-parser|compression|helmet|router|raw-body|@backstage\/backend-[a-z-]+|@backstage\/(errors|config))\//,
  ],
  ['HTTP client (undici)', /undici|node:internal\/deps\/undici/],
  [
    'minimatch, semver, yaml',
    /node_modules\/(minimatch|semver|yaml|brace-expansion)\//,
  ],
  ['logging', /node_modules\/(winston|logform|triple-beam)\//],
  ['benchmark (samplers, profiler)', /golden-paths-backend\/bench\//],
  ['node internals', /^node:/],
  ['other libraries', /node_modules\//],
];

function categoryOfUrl(url: string): string | undefined {
  if (!url) return undefined;
  return CATEGORIES.find(([, pattern]) => pattern.test(url))?.[0] ?? 'other';
}

/** Categories whose cost counts for the code that called into them. */
const PASS_THROUGH = new Set(['node internals', 'other libraries']);

/**
 * Sums weights of call-tree nodes per category. Native frames (JSON.parse,
 * Buffer code, ...), Node.js internals and unlisted libraries count for the
 * nearest caller in a listed category; with no such caller they stay what
 * they are.
 */
function summarize(
  nodes: ProfileNode[],
  weights: Iterable<[nodeId: number, weight: number]>,
): Breakdown {
  const byId = new Map(nodes.map(node => [node.id, node] as const));
  const parent = new Map<number, number>();
  for (const node of nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const memo = new Map<number, string | null>();
  const attributed = (id: number): string | null => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const own = categoryOfUrl(byId.get(id)!.callFrame.url);
    const up = parent.get(id);
    let category: string | null = null;
    if (own && !PASS_THROUGH.has(own)) category = own;
    else if (up !== undefined) category = attributed(up);
    memo.set(id, category);
    return category;
  };
  const categoryOf = (id: number): string => {
    const { functionName, url } = byId.get(id)!.callFrame;
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return 'idle (waiting for I/O)';
    if (functionName === '(program)') return 'V8 and native, unattributed';
    return (
      attributed(id) ?? categoryOfUrl(url) ?? 'V8 and native, unattributed'
    );
  };
  const totals = new Map<string, number>();
  for (const [id, weight] of weights) {
    const category = categoryOf(id);
    totals.set(category, (totals.get(category) ?? 0) + weight);
  }
  return [...totals]
    .map(([category, value]) => ({ category, value }))
    .sort((a, b) => b.value - a.value);
}

function cpuBreakdown(profile: CpuProfile): Breakdown {
  return summarize(
    profile.nodes,
    profile.samples.map((id, i) => [id, (profile.timeDeltas[i] ?? 0) / 1000]),
  );
}

function allocationBreakdown(head: HeapNode): Breakdown {
  const nodes: ProfileNode[] = [];
  const weights: Array<[number, number]> = [];
  const visit = (node: HeapNode): number => {
    const id = nodes.length;
    const entry: ProfileNode = { id, callFrame: node.callFrame, children: [] };
    nodes.push(entry);
    weights.push([id, node.selfSize / 1024 ** 2]);
    entry.children = node.children.map(visit);
    return id;
  };
  visit(head);
  return summarize(nodes, weights);
}

/**
 * Runs `fn` under V8's CPU profiler (self time, ms) and sampling heap
 * profiler (MB allocated, collected or not) of this process.
 */
export async function profileDuring<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; cpu: Breakdown; allocations: Breakdown }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 64 * 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    await session.post('Profiler.start');
    const result = await fn();
    const { profile } = await session.post('Profiler.stop');
    const heap = await session.post('HeapProfiler.stopSampling');
    return {
      result,
      cpu: cpuBreakdown(profile as CpuProfile),
      allocations: allocationBreakdown(heap.profile.head),
    };
  } finally {
    session.disconnect();
  }
}

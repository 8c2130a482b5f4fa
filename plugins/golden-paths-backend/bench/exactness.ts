import type { RandomPolicy } from '../src/__testUtils__/randomPolicies';
import type { BenchBackend } from './backend';
import { request } from './measure';

/** One count of ours that is not the catalog's. */
export interface CountDifference {
  policy: string;
  /** The path ref, or `visible paths` for the set of paths. */
  what: string;
  ours: string;
  catalog: string;
}

/** Our figures under random policies against the catalog's own answers. */
export interface ExactnessResult {
  policies: number;
  /** Policies with no difference at all. */
  exact: number;
  /** Path adoption counts compared (paths visible to both sides). */
  pathCounts: number;
  /** Sets of visible paths compared (one per policy). */
  pathSets: number;
  differences: CountDifference[];
  ms: number;
}

async function getJson<T>(
  backend: BenchBackend,
  path: string,
  token: string,
): Promise<T> {
  const response = await request(backend, path, { token });
  if (response.status !== 200) {
    throw new Error(`GET ${path}: ${response.status} ${response.body}`);
  }
  return JSON.parse(response.body) as T;
}

/** Adoption of every path GET /paths lists to this caller, all pages. */
async function ourAdoption(
  backend: BenchBackend,
  token: string,
): Promise<Map<string, number>> {
  const adoption = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await getJson<{
      items: Array<{ ref: string; adoption: number }>;
      nextCursor?: string;
    }>(
      backend,
      `/api/golden-paths/paths?limit=500${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`,
      token,
    );
    for (const item of page.items) {
      adoption.set(item.ref.toLocaleLowerCase('en-US'), item.adoption);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return adoption;
}

/** The GoldenPaths the catalog returns to this caller, all pages. */
async function catalogPaths(
  backend: BenchBackend,
  token: string,
): Promise<Set<string>> {
  const refs = new Set<string>();
  let next =
    'filter=kind=goldenpath&fields=kind,metadata.name,metadata.namespace&limit=500';
  for (;;) {
    const page = await getJson<{
      items: Array<{
        kind: string;
        metadata: { name: string; namespace?: string };
      }>;
      pageInfo: { nextCursor?: string };
    }>(backend, `/api/catalog/entities/by-query?${next}`, token);
    for (const e of page.items) {
      refs.add(
        `${e.kind}:${e.metadata.namespace ?? 'default'}/${
          e.metadata.name
        }`.toLocaleLowerCase('en-US'),
      );
    }
    if (!page.pageInfo.nextCursor || !page.items.length) {
      return refs;
    }
    next = `cursor=${encodeURIComponent(page.pageInfo.nextCursor)}`;
  }
}

/** The catalog's count of a path's followers this caller may read. */
async function catalogAdoption(
  backend: BenchBackend,
  token: string,
  pathRef: string,
): Promise<number> {
  const page = await getJson<{ totalItems: number }>(
    backend,
    `/api/catalog/entities/by-query?filter=kind=component,relations.followsGoldenPath=${encodeURIComponent(
      pathRef,
    )}&fields=metadata.name&limit=1`,
    token,
  );
  return page.totalItems;
}

const listed = (refs: Iterable<string>) => [...refs].sort().join(', ') || '-';

/**
 * For each policy, with its user's token: the paths GET /paths lists
 * against the GoldenPaths the catalog's by-query returns, and each path's
 * adoption against the catalog's count of the components related to it by
 * `followsGoldenPath` that the same caller may read. Meaningful only while
 * the catalog has not changed since the last evaluation.
 */
export async function compareWithCatalog(
  backend: BenchBackend,
  policies: RandomPolicy[],
): Promise<ExactnessResult> {
  const start = performance.now();
  const differences: CountDifference[] = [];
  let pathCounts = 0;
  let exact = 0;
  for (const policy of policies) {
    const token = backend.userToken(policy.userRef);
    const ours = await ourAdoption(backend, token);
    const theirs = await catalogPaths(backend, token);
    const before = differences.length;
    if (listed(ours.keys()) !== listed(theirs)) {
      differences.push({
        policy: policy.name,
        what: 'visible paths',
        ours: listed(ours.keys()),
        catalog: listed(theirs),
      });
    }
    for (const [pathRef, adoption] of ours) {
      if (!theirs.has(pathRef)) {
        continue;
      }
      pathCounts += 1;
      const count = await catalogAdoption(backend, token, pathRef);
      if (count !== adoption) {
        differences.push({
          policy: policy.name,
          what: pathRef,
          ours: String(adoption),
          catalog: String(count),
        });
      }
    }
    if (differences.length === before) {
      exact += 1;
    }
  }
  return {
    policies: policies.length,
    exact,
    pathCounts,
    pathSets: policies.length,
    differences,
    ms: performance.now() - start,
  };
}

import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  GOLDEN_PATH_CATEGORIES,
  GOLDEN_PATH_GUARANTEE_IDS,
  GOLDEN_PATH_LIFECYCLES,
  normalizeEntityRef,
  tryParseEntityRef,
} from '@golden-paths/golden-paths-common';
import type { GoldenPathListItem } from '../../hooks';
import {
  type GoldenPathView,
  readGoldenPath,
} from '../GoldenPathCard/readGoldenPath';
import { guaranteeText } from '../shared/GuaranteeIcon';

/**
 * How the list is ordered. "Recent" is the newest version first: the catalog
 * keeps no change time for entities, so the backend dates each path's
 * `spec.version` by the first evaluation that saw it (`versionSince`).
 */
export type SortOrder = 'adoption' | 'compliance' | 'recent' | 'name';

export const SORT_LABELS: Record<SortOrder, string> = {
  adoption: 'Most followed',
  compliance: 'Most compliant',
  recent: 'Recently updated',
  name: 'Name',
};

export type Facet = 'category' | 'lifecycle' | 'owner' | 'guarantee';

export const FACETS: ReadonlyArray<Facet> = [
  'category',
  'lifecycle',
  'owner',
  'guarantee',
];

/** The view's state, as kept in the URL's query string. */
export interface PathsQuery {
  q: string;
  category: string[];
  lifecycle: string[];
  /** Lower-case full owner refs. */
  owner: string[];
  /** Paths must promise every one of these. */
  guarantee: string[];
  sort?: SortOrder;
}

export function readQuery(params: URLSearchParams): PathsQuery {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    category: params.getAll('category'),
    lifecycle: params.getAll('lifecycle'),
    owner: params.getAll('owner'),
    guarantee: params.getAll('guarantee'),
    sort: sort && sort in SORT_LABELS ? (sort as SortOrder) : undefined,
  };
}

/** The params with `patch` applied; other params are kept as they are. */
export function writeQuery(
  params: URLSearchParams,
  patch: Partial<PathsQuery>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    next.delete(key);
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v) {
        next.append(key, v);
      }
    }
  }
  return next;
}

export function hasFilters(query: PathsQuery): boolean {
  return Boolean(query.q.trim()) || FACETS.some(f => query[f].length > 0);
}

/** A path with what filtering and sorting need, computed once per load. */
export interface IndexedPath {
  item: GoldenPathListItem;
  view: GoldenPathView;
  ownerRef?: string;
  /** Lower-case text that search matches. */
  haystack: string;
}

function ownerRefOf(view: GoldenPathView): string | undefined {
  return normalizeEntityRef(view.owner, {
    defaultKind: 'group',
    defaultNamespace: view.namespace,
  });
}

export function indexPaths(items: GoldenPathListItem[]): IndexedPath[] {
  return items.map(item => {
    const view = readGoldenPath(item.entity);
    const haystack = [
      view.title,
      view.name,
      view.description,
      ...view.tags,
      ...view.stack.map(s => s.value),
    ]
      .filter(Boolean)
      .join('\n')
      .toLocaleLowerCase('en-US');
    return { item, view, ownerRef: ownerRefOf(view), haystack };
  });
}

function facetValues(path: IndexedPath, facet: Facet): string[] {
  switch (facet) {
    case 'category':
      return path.view.category ? [path.view.category] : [];
    case 'lifecycle':
      return path.view.lifecycle ? [path.view.lifecycle] : [];
    case 'owner':
      return path.ownerRef ? [path.ownerRef] : [];
    default:
      return path.view.guarantees;
  }
}

export function filterPaths(
  paths: IndexedPath[],
  query: PathsQuery,
): IndexedPath[] {
  const terms = query.q.toLocaleLowerCase('en-US').split(/\s+/).filter(Boolean);
  return paths.filter(path => {
    if (!terms.every(term => path.haystack.includes(term))) {
      return false;
    }
    return FACETS.every(facet => {
      const selected = query[facet];
      if (selected.length === 0) {
        return true;
      }
      const values = facetValues(path, facet);
      // Guarantees narrow (every one promised), like the backend's filter;
      // the other facets widen within themselves (any one of them).
      return facet === 'guarantee'
        ? selected.every(s => values.includes(s))
        : selected.some(s => values.includes(s));
    });
  });
}

const collator = new Intl.Collator('en', {
  sensitivity: 'base',
  numeric: true,
});

function byTitle(a: IndexedPath, b: IndexedPath): number {
  return collator.compare(a.view.title, b.view.title);
}

export function sortPaths(
  paths: IndexedPath[],
  sort: SortOrder,
): IndexedPath[] {
  const adoption = (p: IndexedPath) => p.item.summary?.adoption ?? -1;
  const compliance = (p: IndexedPath) => p.item.summary?.complianceRatio ?? -1;
  const since = (p: IndexedPath) => p.item.summary?.versionSince ?? '';
  const compare: Record<SortOrder, (a: IndexedPath, b: IndexedPath) => number> =
    {
      adoption: (a, b) => adoption(b) - adoption(a) || byTitle(a, b),
      compliance: (a, b) =>
        compliance(b) - compliance(a) ||
        adoption(b) - adoption(a) ||
        byTitle(a, b),
      recent: (a, b) => since(b).localeCompare(since(a)) || byTitle(a, b),
      name: byTitle,
    };
  return [...paths].sort(compare[sort]);
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

function labelOf(facet: Facet, value: string): string {
  if (facet === 'owner') {
    const ref = tryParseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return ref ? humanizeEntityRef(ref, { defaultKind: 'group' }) : value;
  }
  if (facet === 'guarantee') {
    return guaranteeText(value).title;
  }
  return value;
}

const KNOWN_ORDER: Partial<Record<Facet, ReadonlyArray<string>>> = {
  category: GOLDEN_PATH_CATEGORIES,
  lifecycle: GOLDEN_PATH_LIFECYCLES,
  guarantee: GOLDEN_PATH_GUARANTEE_IDS,
};

/**
 * The values each facet can take: those the paths use, plus the selected
 * ones (so a link's filter stays visible), known values in the portal's
 * order first.
 */
export function facetOptions(
  paths: IndexedPath[],
  query: PathsQuery,
): Record<Facet, FacetOption[]> {
  const result = {} as Record<Facet, FacetOption[]>;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const path of paths) {
      for (const value of new Set(facetValues(path, facet))) {
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
    for (const value of query[facet]) {
      counts.set(value, counts.get(value) ?? 0);
    }
    const known = KNOWN_ORDER[facet] ?? [];
    const rank = (v: string) => {
      const i = known.indexOf(v);
      return i === -1 ? known.length : i;
    };
    result[facet] = [...counts.entries()]
      .map(([value, count]) => ({ value, count, label: labelOf(facet, value) }))
      .sort(
        (a, b) =>
          rank(a.value) - rank(b.value) || collator.compare(a.label, b.label),
      );
  }
  return result;
}

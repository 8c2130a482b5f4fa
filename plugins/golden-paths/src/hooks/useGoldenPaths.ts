import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  GOLDEN_PATH_KIND,
  type GoldenPathEntityV1alpha1,
  type GoldenPathsApi,
  entityRefKey,
  isGoldenPathEntity,
  type PathSummary,
} from '@golden-paths/golden-paths-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../api';
import { GOLDEN_PATH_LIST_FIELDS } from './goldenPathListFields';

/** A golden path from the catalog with its figures when the backend has them. */
export interface GoldenPathListItem {
  /** Full, lower-case entity ref. */
  ref: string;
  entity: GoldenPathEntityV1alpha1;
  summary?: PathSummary;
}

/** Paths from the catalog, figures from the Golden Paths backend. */
export interface GoldenPathsState {
  loading: boolean;
  /** The catalog could not be read: nothing to show. */
  error?: Error;
  items: GoldenPathListItem[];
  /**
   * Why the figures are missing (backend absent, no permission), when they
   * are; the paths are still listed.
   */
  insightsError?: Error;
  retry: () => void;
}

async function allSummaries(api: GoldenPathsApi): Promise<PathSummary[]> {
  const summaries: PathSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listPaths({ limit: 500, cursor });
    summaries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return summaries;
}

/**
 * Every golden path the user may see, from the catalog, with adoption and
 * compliance figures from the backend when it answers.
 */
export function useGoldenPaths(): GoldenPathsState {
  const catalogApi = useApi(catalogApiRef);
  const goldenPathsApi = useApi(goldenPathsApiRef);
  const state = useAsyncRetry(async () => {
    const [entities, insights] = await Promise.all([
      catalogApi.getEntities({
        filter: { kind: GOLDEN_PATH_KIND },
        fields: GOLDEN_PATH_LIST_FIELDS,
      }),
      allSummaries(goldenPathsApi).then(
        summaries => ({ summaries }),
        (error: Error) => ({ error }),
      ),
    ]);
    const byRef = new Map(
      ('summaries' in insights ? insights.summaries : []).map(s => [s.ref, s]),
    );
    const items = entities.items.filter(isGoldenPathEntity).map(entity => {
      const ref = entityRefKey(entity);
      return { ref, entity, summary: byRef.get(ref) };
    });
    return {
      items,
      insightsError: 'error' in insights ? insights.error : undefined,
    };
  }, [catalogApi, goldenPathsApi]);
  return {
    loading: state.loading,
    error: state.error,
    items: state.value?.items ?? [],
    insightsError: state.value?.insightsError,
    retry: state.retry,
  };
}

import { useApi } from '@backstage/core-plugin-api';
import type { PathDetails } from '@golden-paths/golden-paths-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../../api';
import { errorStatus } from '../shared/errorStatus';

/**
 * Why a path's figures are missing: not evaluated yet (404), the reader may
 * not see them (401/403), or the backend is absent or failing.
 */
export type GoldenPathInsightsProblem = {
  reason: 'not-evaluated' | 'not-allowed' | 'unavailable';
  error: Error;
};

export function insightsProblem(error: Error): GoldenPathInsightsProblem {
  const status = errorStatus(error);
  if (status === 404) {
    return { reason: 'not-evaluated', error };
  }
  if (status === 401 || status === 403) {
    return { reason: 'not-allowed', error };
  }
  return { reason: 'unavailable', error };
}

/** A path's figures from the backend, or why there are none. */
export function useGoldenPathDetails(pathRef: string): {
  loading: boolean;
  details?: PathDetails;
  problem?: GoldenPathInsightsProblem;
  retry: () => void;
} {
  const api = useApi(goldenPathsApiRef);
  const state = useAsyncRetry(() => api.getPath(pathRef), [api, pathRef]);
  return {
    loading: state.loading,
    details: state.loading ? undefined : state.value,
    problem:
      !state.loading && state.error ? insightsProblem(state.error) : undefined,
    retry: state.retry,
  };
}

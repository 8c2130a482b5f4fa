import { useApi } from '@backstage/core-plugin-api';
import type { FollowerResult } from '@golden-paths/golden-paths-common';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../../api';

/** Page sizes a reader may choose. */
export const FOLLOWER_PAGE_SIZES = [10, 20, 50, 100];

/** One page of a path's followers, read from the backend. */
export interface FollowerPages {
  /** Zero-based index of the page shown. */
  page: number;
  pageSize: number;
  items: FollowerResult[];
  hasNext: boolean;
  loading: boolean;
  error?: Error;
  next(): void;
  previous(): void;
  setPageSize(size: number): void;
  retry(): void;
}

/**
 * A path's followers a page at a time. The backend pages with opaque
 * cursors that only go forward, so the cursors of the pages already seen are
 * kept as a stack to go back. Mount it with `key={pathRef}` so another path
 * starts from its first page.
 */
export function useFollowerPages(pathRef: string): FollowerPages {
  const api = useApi(goldenPathsApiRef);
  const [pageSize, setSize] = useState(20);
  // cursors[i] reads page i; the first page has none.
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const cursor = cursors[cursors.length - 1];
  const state = useAsyncRetry(
    () => api.listFollowers(pathRef, { limit: pageSize, cursor }),
    [api, pathRef, pageSize, cursor],
  );
  const nextCursor = state.loading ? undefined : state.value?.nextCursor;

  const next = useCallback(() => {
    if (nextCursor) {
      setCursors(stack => [...stack, nextCursor]);
    }
  }, [nextCursor]);
  const previous = useCallback(() => {
    setCursors(stack => (stack.length > 1 ? stack.slice(0, -1) : stack));
  }, []);
  const setPageSize = useCallback((size: number) => {
    setSize(size);
    setCursors([undefined]);
  }, []);

  return {
    page: cursors.length - 1,
    pageSize,
    items: state.value?.items ?? [],
    hasNext: !!nextCursor,
    loading: state.loading,
    error: state.error,
    next,
    previous,
    setPageSize,
    retry: state.retry,
  };
}

import type { PathDetails } from '@golden-paths/golden-paths-common';
import type { EvaluationStore } from '../../database/EvaluationStore';
import { FollowerTally } from '../evaluation/FollowerTally';
import type { Visibility } from './CatalogVisibility';

/**
 * The stored path summaries a restricted caller may see, each with its
 * follower figures counted again over the followers that caller may see.
 * With a filter, the database groups the visible followers by identical
 * result, so the figures cost one query whatever the number of followers.
 */
export async function visibleSummaries(
  store: EvaluationStore,
  visibility: Exclude<Visibility, { all: true }>,
): Promise<PathDetails[]> {
  const summaries = await store.listPathSummaries();
  const tallies = new Map<string, FollowerTally>();
  if ('filter' in visibility) {
    const [pathRefs, groups] = await Promise.all([
      store.listPathRefs(visibility.filter),
      store.groupFollowerResults(visibility.filter),
    ]);
    const readable = new Set(pathRefs);
    for (const summary of summaries) {
      if (readable.has(summary.ref)) {
        tallies.set(summary.ref, new FollowerTally(summary.checks));
      }
    }
    for (const group of groups) {
      tallies.get(group.pathRef)?.add(group, group.count);
    }
  } else {
    for (const summary of summaries) {
      if (visibility.refs.paths.has(summary.ref)) {
        tallies.set(summary.ref, new FollowerTally(summary.checks));
      }
    }
    for (const row of await store.getComponentResults([
      ...visibility.refs.followers,
    ])) {
      tallies.get(row.pathRef)?.add(row);
    }
  }
  return summaries.flatMap(summary => {
    const tally = tallies.get(summary.ref);
    return tally ? [{ ...summary, ...tally.figures() }] : [];
  });
}

import type { FollowerResult } from '@golden-paths/golden-paths-common';
import type { StoredComponentResult } from '../../database/EvaluationStore';

/** A stored result as the API returns it. */
export function toFollowerResult(row: StoredComponentResult): FollowerResult {
  return {
    entityRef: row.entityRef,
    ...(row.title ? { title: row.title } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.type ? { type: row.type } : {}),
    ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}),
    pathRef: row.pathRef,
    drift: row.drift,
    checks: row.checks,
    compliant: row.compliant,
    evaluatedAt: row.evaluatedAt.toISOString(),
  };
}

import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import type { DriftInfo, DriftStatus } from '@golden-paths/golden-paths-common';

const LABELS: Record<DriftStatus, string> = {
  'up-to-date': 'up to date',
  'patch-behind': 'patch behind',
  'minor-behind': 'minor version behind',
  'major-behind': 'major version behind',
  ahead: 'ahead of the path',
  unknown: 'version unknown',
};

/** A follower's version against its path's, as a chip with the two versions. */
export function DriftBadge(props: { drift: DriftInfo }) {
  const { drift } = props;
  const label = drift.deprecated ? 'path deprecated' : LABELS[drift.status];
  const color =
    drift.deprecated || drift.status === 'major-behind'
      ? 'secondary'
      : 'default';
  return (
    <Tooltip
      title={`${drift.currentVersion ?? 'no version'} → ${drift.latestVersion}`}
    >
      <Chip
        size="small"
        color={color}
        variant={
          drift.status === 'up-to-date' && !drift.deprecated
            ? 'outlined'
            : 'default'
        }
        label={label}
        data-testid="drift-badge"
      />
    </Tooltip>
  );
}

/** The words for a drift status. */
export function driftLabel(status: DriftStatus): string {
  return LABELS[status];
}

import type { UpgradeFileOutcome } from './upgradeTypes';

const LABELS: Record<UpgradeFileOutcome, string> = {
  taken: 'Updated from the template',
  merged: 'Merged',
  conflict: 'Conflict',
  added: 'Added',
  'added-conflict': 'Added on both sides: conflict',
  deleted: 'Deleted',
  'kept-modified': 'Kept: you changed it',
  'stays-deleted': 'Stays deleted',
  'binary-kept': 'Binary: yours kept',
  renamed: 'Renamed',
  recopied: 'Copied from the new version',
  overwritten: 'Overwritten: you changed it',
};

/**
 * What an upgrade does to a file, in words, as the portal and the upgrade's
 * commit message say it; an outcome this build does not know shows as it is.
 *
 * @public
 */
export function upgradeOutcomeLabel(outcome: UpgradeFileOutcome): string {
  return LABELS[outcome] ?? outcome;
}

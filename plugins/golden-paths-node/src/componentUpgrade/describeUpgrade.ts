import {
  type UpgradePlan,
  upgradeOutcomeLabel,
} from '@golden-paths/golden-paths-common';

/**
 * The commit message (and pull request body) of an upgrade: what moved and
 * a per-file table, then the path's release notes.
 */
export function describeUpgrade(plan: UpgradePlan): string {
  const title = plan.path.title ?? plan.path.entityRef;
  const rows = plan.files.map(
    f =>
      `| ${f.previousPath ? `${f.previousPath} → ` : ''}${
        f.path
      } | ${upgradeOutcomeLabel(f.outcome)} |`,
  );
  return [
    `Upgrade to ${title} ${plan.toVersion} (from ${plan.fromVersion})`,
    '',
    plan.mode === 'recopy'
      ? `Recopy, not a merge: ${plan.recopyReason ?? ''}`
      : `Three-way merge of ${plan.fromVersion}, this repository and ${plan.toVersion}.`,
    plan.summary.conflicts
      ? `${plan.summary.conflicts} file(s) have conflict markers to resolve.`
      : 'No conflicts.',
    '',
    '| file | outcome |',
    '| --- | --- |',
    ...rows,
    ...(plan.releaseNotes
      ? ['', '## Release notes', '', plan.releaseNotes.trim()]
      : []),
    '',
  ].join('\n');
}

import type { UpgradePlan } from '@golden-paths/golden-paths-common';

const OUTCOME_WORDS: Record<string, string> = {
  taken: 'taken from the new version',
  merged: 'merged',
  conflict: 'CONFLICT',
  added: 'added',
  'added-conflict': 'CONFLICT (added on both sides)',
  deleted: 'deleted',
  'kept-modified': 'kept (deleted by the new version, changed by you)',
  'stays-deleted': 'stays deleted',
  'binary-kept': 'yours kept (binary changed on both sides)',
  renamed: 'renamed, your edits follow',
  recopied: 'recopied',
  overwritten: 'overwritten (recopy)',
};

/**
 * The commit message (and pull request body) of an upgrade: what moved and
 * a per-file table, then the path's release notes.
 */
export function describeUpgrade(plan: UpgradePlan): string {
  const title = plan.path.title ?? plan.path.entityRef;
  const rows = plan.files.map(
    f =>
      `| ${f.previousPath ? `${f.previousPath} → ` : ''}${f.path} | ${
        OUTCOME_WORDS[f.outcome] ?? f.outcome
      } |`,
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

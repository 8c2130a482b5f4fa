/**
 * The sentence a developer reads for each outcome of an upgrade merge.
 */
export const fileDetails = {
  taken: () => 'Changed only by the template: its new version is taken.',
  takenIntoRename: (from: string) =>
    `Changed only by the template (as ${from}): its changes are applied to your renamed file.`,
  merged: () =>
    'Changed on both sides in different places: merged, review the result.',
  mergedIntoRename: (from: string) =>
    `Changed on both sides (the template's ${from}, renamed by you): merged into your file, review the result.`,
  conflict: () =>
    'Changed on both sides in the same lines: resolve the conflict markers.',
  conflictInRename: (from: string) =>
    `Renamed from ${from} by the template and changed on both sides in the same lines: resolve the conflict markers.`,
  added: () => 'Added by the template.',
  addedConflict: () =>
    'Added by the template and by you with other content: resolve the conflict markers.',
  deleted: () => 'Deleted by the template; you had not changed it.',
  keptModified: () =>
    'Deleted by the template, but you changed it: your version is kept; delete it if you no longer need it.',
  staysDeleted: () => 'Deleted by you: it stays deleted.',
  staysDeletedChanged: () =>
    'Deleted by you and changed by the template: it stays deleted; look at the template change in case you need it.',
  staysDeletedRenamed: (to: string) =>
    `Deleted by you and renamed to ${to} by the template: it stays deleted; add ${to} if you need it.`,
  binaryKept: () =>
    'A binary file changed on both sides: your version is kept; compare it with the template version.',
  renamed: (from: string) =>
    `Renamed from ${from} by the template; your changes, if any, follow it.`,
  renamedBoth: (from: string, yours: string) =>
    `You renamed ${from} to ${yours} and the template renamed it too: both files are in the result, keep one.`,
  unexplained: (gitMessage?: string) =>
    `Changed by the upgrade in a way the merge could not classify${
      gitMessage ? ` (git: ${gitMessage})` : ''
    }: review it.`,
};

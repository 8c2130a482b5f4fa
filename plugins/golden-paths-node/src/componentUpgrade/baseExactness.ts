import type {
  ScaffoldManifestEntry,
  ScaffoldRecord,
} from '../scaffold/scaffoldRecord';

/**
 * Whether the old version, rendered again, is what the repository was made
 * from. A revision is meant never to change, and the render to be the same
 * every time; when either is not so, the merge base is off and files the
 * developer never touched can show as changed by them: the plan says so.
 */
export function baseExactness(
  record: ScaffoldRecord,
  revisionHash: string,
  rendered: ScaffoldManifestEntry[],
): string[] {
  const notes: string[] = [];
  const version = record.path.version;
  if (revisionHash !== record.template.revision.contentHash) {
    notes.push(
      `The template's revision of ${version} changed since this repository was made from it (${record.template.revision.contentHash.slice(
        0,
        19,
      )} then, ${revisionHash.slice(0, 19)} now).`,
    );
  }
  const then = new Map(record.files.map(f => [f.path, f.sha256]));
  const now = new Map(rendered.map(f => [f.path, f.sha256]));
  const differing = [...new Set([...then.keys(), ...now.keys()])]
    .filter(path => then.get(path) !== now.get(path))
    .sort();
  if (differing.length > 0) {
    const shown = differing.slice(0, 5).join(', ');
    const more =
      differing.length > 5 ? ` and ${differing.length - 5} more` : '';
    notes.push(
      `Version ${version} renders ${differing.length} file(s) differently today than when this repository was made (${shown}${more}): changes there may be shown as yours.`,
    );
  }
  return notes;
}

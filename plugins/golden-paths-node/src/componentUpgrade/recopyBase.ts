import { createHash } from 'node:crypto';
import type { UpgradeFileChange } from '@golden-paths/golden-paths-common';
import type { RenderedFile } from '../scaffold/manifest';
import type { ScaffoldManifestEntry } from '../scaffold/scaffoldRecord';

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The merge base of a recopy, when the old version can no longer be
 * rendered: every file the scaffold made, as the repository holds it. The
 * new version's files then replace them (a two-way copy), files the
 * template dropped go unless the developer changed them, and files the
 * developer added stay out of it. A changed file the new version drops is
 * given an empty base so the merge keeps it and flags it.
 */
export function recopyBase(
  manifest: ScaffoldManifestEntry[],
  repository: Map<string, Buffer>,
  template: RenderedFile[],
): { base: RenderedFile[]; changedByDeveloper: Set<string> } {
  const inTemplate = new Set(template.map(f => f.path));
  const base: RenderedFile[] = [];
  const changedByDeveloper = new Set<string>();
  for (const entry of manifest) {
    const content = repository.get(entry.path);
    if (!content) {
      continue;
    }
    const changed = sha256(content) !== entry.sha256;
    if (changed) {
      changedByDeveloper.add(entry.path);
    }
    base.push({
      path: entry.path,
      content:
        changed && !inTemplate.has(entry.path) ? Buffer.alloc(0) : content,
      executable: entry.executable,
    });
  }
  return { base, changedByDeveloper };
}

/**
 * A recopy's outcomes in its own words: a file the new version replaced is
 * `recopied` when the developer had not changed it, else `overwritten` and
 * flagged, so their change can be brought back.
 */
export function relabelRecopy(
  files: UpgradeFileChange[],
  changedByDeveloper: Set<string>,
): UpgradeFileChange[] {
  return files.map(file => {
    if (file.outcome !== 'taken') {
      return file;
    }
    return changedByDeveloper.has(file.path)
      ? {
          ...file,
          outcome: 'overwritten',
          flagged: true,
          detail:
            'Recopied: the new version replaced your changes to this file; compare it with your default branch and bring them back.',
        }
      : {
          ...file,
          outcome: 'recopied',
          detail: 'Recopied from the new version; you had not changed it.',
        };
  });
}

import type {
  UpgradeFileChange,
  UpgradeFileOutcome,
} from '@golden-paths/golden-paths-common';
import { fileDetails } from './fileDetails';
import type { ConflictedPath, ConflictStages } from './mergeTree';
import { sameEntry, type TreeEntry, type TreeListing } from './treeEntries';

/** The four trees of a merge and what git said about them. */
export interface ClassificationInput {
  base: TreeListing;
  template: TreeListing;
  repository: TreeListing;
  /** `git merge-tree`'s result. */
  result: TreeListing;
  /** Old path to new path, base to template. */
  templateRenames: Map<string, string>;
  /** Old path to new path, base to repository. */
  repositoryRenames: Map<string, string>;
  conflicted: Map<string, ConflictedPath>;
}

/** The plan's files and how git's result must be corrected to follow our rules. */
export interface Classification {
  files: UpgradeFileChange[];
  /** Entries to set in the result tree; `null` removes the path. */
  fixes: Map<string, TreeEntry | null>;
  /** Conflicted text files to merge again so their markers carry our labels. */
  relabel: Map<string, ConflictStages>;
}

const BINARY = 'CONFLICT (binary)';
const CONTENTS = 'CONFLICT (contents)';

/**
 * Classifies every file the template touches by comparing base, template,
 * repository and git's merge, and says where git's result must change:
 * files the developer deleted stay deleted, binary files changed on both
 * sides keep the developer's version, and text conflicts get labelled
 * markers.
 */
export function classifyChanges(input: ClassificationInput): Classification {
  const { base, template, repository, result, conflicted } = input;
  const files: UpgradeFileChange[] = [];
  const fixes = new Map<string, TreeEntry | null>();
  const relabel = new Map<string, ConflictStages>();
  const explained = new Set<string>();

  const list = (
    path: string,
    outcome: UpgradeFileOutcome,
    flagged: boolean,
    detail: string,
    previousPath?: string,
  ) => {
    files.push({
      path,
      ...(previousPath ? { previousPath } : {}),
      outcome,
      flagged,
      detail,
    });
    explained.add(path);
    if (previousPath) explained.add(previousPath);
  };

  // A conflict git found on a path both sides changed: true when handled.
  const listConflict = (
    path: string,
    repositoryEntry: TreeEntry,
    textOutcome: 'conflict' | 'added-conflict',
    textDetail: string,
    previousPath?: string,
  ): boolean => {
    const conflict = conflicted.get(path);
    if (!conflict) return false;
    if (conflict.types.has(BINARY)) {
      fixes.set(path, repositoryEntry);
      list(path, 'binary-kept', true, fileDetails.binaryKept(), previousPath);
    } else if (
      conflict.types.has(CONTENTS) &&
      conflict.stages[2] &&
      conflict.stages[3]
    ) {
      relabel.set(path, conflict.stages);
      list(path, textOutcome, true, textDetail, previousPath);
    } else {
      list(
        path,
        'conflict',
        true,
        fileDetails.unexplained(conflict.messages[0]),
        previousPath,
      );
    }
    return true;
  };

  for (const [path, baseEntry] of base) {
    const templatePath = template.has(path)
      ? path
      : input.templateRenames.get(path);
    const repositoryPath = repository.has(path)
      ? path
      : input.repositoryRenames.get(path);
    const templateEntry = templatePath ? template.get(templatePath) : undefined;
    const repositoryEntry = repositoryPath
      ? repository.get(repositoryPath)
      : undefined;

    if (templatePath === path && sameEntry(templateEntry, baseEntry)) {
      if (!repositoryEntry) {
        list(path, 'stays-deleted', false, fileDetails.staysDeleted());
      }
      continue;
    }

    if (!templatePath) {
      if (!repositoryPath || !repositoryEntry) continue;
      if (repositoryPath === path && sameEntry(repositoryEntry, baseEntry)) {
        list(path, 'deleted', false, fileDetails.deleted());
      } else {
        fixes.set(repositoryPath, repositoryEntry);
        list(repositoryPath, 'kept-modified', true, fileDetails.keptModified());
      }
      continue;
    }

    if (!repositoryPath || !repositoryEntry) {
      // Whatever git brought back at the template's path goes, unless the
      // developer has a file of their own there.
      fixes.set(templatePath, repository.get(templatePath) ?? null);
      explained.add(templatePath);
      list(
        path,
        'stays-deleted',
        true,
        templatePath === path
          ? fileDetails.staysDeletedChanged()
          : fileDetails.staysDeletedRenamed(templatePath),
      );
      continue;
    }

    if (
      templatePath !== path &&
      repositoryPath !== path &&
      templatePath !== repositoryPath
    ) {
      explained.add(templatePath).add(path);
      list(
        repositoryPath,
        'conflict',
        true,
        fileDetails.renamedBoth(path, repositoryPath),
      );
      continue;
    }

    const renamedByTemplate = templatePath !== path && repositoryPath === path;
    const finalPath = renamedByTemplate ? templatePath : repositoryPath;
    const previousPath = renamedByTemplate ? path : undefined;
    const handled = listConflict(
      finalPath,
      repositoryEntry,
      'conflict',
      previousPath
        ? fileDetails.conflictInRename(path)
        : fileDetails.conflict(),
      previousPath,
    );
    if (handled) continue;
    if (previousPath) {
      list(finalPath, 'renamed', false, fileDetails.renamed(path), path);
      continue;
    }
    if (sameEntry(result.get(finalPath), repositoryEntry)) continue;
    const renamedByYou = repositoryPath !== path;
    if (sameEntry(repositoryEntry, baseEntry)) {
      list(
        finalPath,
        'taken',
        false,
        renamedByYou ? fileDetails.takenIntoRename(path) : fileDetails.taken(),
      );
    } else {
      list(
        finalPath,
        'merged',
        false,
        renamedByYou
          ? fileDetails.mergedIntoRename(path)
          : fileDetails.merged(),
      );
    }
  }

  const renameTargets = new Set(input.templateRenames.values());
  for (const path of template.keys()) {
    if (base.has(path) || renameTargets.has(path)) continue;
    const repositoryEntry = repository.get(path);
    if (!repositoryEntry) {
      list(path, 'added', false, fileDetails.added());
      continue;
    }
    if (
      listConflict(
        path,
        repositoryEntry,
        'added-conflict',
        fileDetails.addedConflict(),
      )
    ) {
      continue;
    }
    if (!sameEntry(result.get(path), repositoryEntry)) {
      list(path, 'merged', false, fileDetails.merged());
    }
  }

  // Whatever git changed that the rules above do not account for is listed
  // and flagged, so a plan never changes a file silently.
  const everyPath = new Set([
    ...repository.keys(),
    ...result.keys(),
    ...conflicted.keys(),
  ]);
  for (const path of everyPath) {
    if (explained.has(path)) continue;
    const after = fixes.has(path)
      ? fixes.get(path) ?? undefined
      : result.get(path);
    const before = repository.get(path);
    const conflict = conflicted.get(path);
    const unchanged = (!after && !before) || sameEntry(after, before);
    if (unchanged && !conflict) continue;
    let outcome: UpgradeFileOutcome = 'merged';
    if (conflict) outcome = 'conflict';
    else if (!after) outcome = 'deleted';
    else if (!before) outcome = 'added';
    list(path, outcome, true, fileDetails.unexplained(conflict?.messages[0]));
  }

  // Code-unit order, as git sorts paths; not the locale's.
  files.sort((a, b) => {
    if (a.path === b.path) return 0;
    return a.path < b.path ? -1 : 1;
  });
  return { files, fixes, relabel };
}

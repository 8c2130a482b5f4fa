import type {
  RepositoryFile,
  RepositorySnapshot,
} from '@golden-paths/golden-paths-node';
import { type Document, isMap, isSeq, parseAllDocuments } from 'yaml';

function fileOf(repository: RepositorySnapshot, path: string): RepositoryFile {
  const file = repository.files.find(f => f.path === path);
  if (!file) {
    throw new Error(`the snapshot has no ${path}`);
  }
  return file;
}

/** The snapshot with a file added or replaced. */
export function withFile(
  repository: RepositorySnapshot,
  path: string,
  content: string,
): RepositorySnapshot {
  return {
    ...repository,
    files: [
      ...repository.files.filter(f => f.path !== path),
      { path, content },
    ],
  };
}

/** The snapshot without a file (which must be there). */
export function withoutFile(
  repository: RepositorySnapshot,
  path: string,
): RepositorySnapshot {
  fileOf(repository, path);
  return {
    ...repository,
    files: repository.files.filter(f => f.path !== path),
  };
}

/** The snapshot with a file's text edited; fails when the edit changes nothing. */
export function editFile(
  repository: RepositorySnapshot,
  path: string,
  edit: (content: string) => string,
): RepositorySnapshot {
  const before = fileOf(repository, path).content;
  const after = edit(before);
  if (after === before) {
    throw new Error(`the edit of ${path} changed nothing`);
  }
  return withFile(repository, path, after);
}

/**
 * The snapshot with the YAML documents of a file edited in place (comments
 * kept); fails when the edit changes nothing.
 */
export function editYaml(
  repository: RepositorySnapshot,
  path: string,
  edit: (document: Document) => void,
): RepositorySnapshot {
  return editFile(repository, path, content =>
    parseAllDocuments(content)
      .map(document => {
        edit(document);
        return document.toString({ lineWidth: 0 });
      })
      .join(''),
  );
}

/** The GitHub workflow every template writes. */
export const TEMPLATE_WORKFLOW = '.github/workflows/ci.yaml';

/** The snapshot without a step (by `id`) of the template workflow's build-and-push job. */
export function withoutWorkflowStep(
  repository: RepositorySnapshot,
  stepId: string,
): RepositorySnapshot {
  return editYaml(repository, TEMPLATE_WORKFLOW, document => {
    const steps = document.getIn(['jobs', 'build-and-push', 'steps']);
    if (!isSeq(steps)) {
      throw new Error(`${TEMPLATE_WORKFLOW} has no build-and-push steps`);
    }
    steps.items = steps.items.filter(
      step => !isMap(step) || step.get('id') !== stepId,
    );
  });
}

/**
 * A repository whose PyTorchJob's Worker has lost `field` (a path in it)
 * of its first container.
 */
export function withoutPyTorchWorkerField(
  repository: RepositorySnapshot,
  ...field: string[]
): RepositorySnapshot {
  return editYaml(repository, 'k8s/pytorchjob.yaml', document =>
    document.deleteIn([
      'spec',
      'pytorchReplicaSpecs',
      'Worker',
      'template',
      'spec',
      'containers',
      0,
      ...field,
    ]),
  );
}

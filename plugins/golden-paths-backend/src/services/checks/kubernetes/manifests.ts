import type { RepositorySnapshot } from '@golden-paths/golden-paths-node';
import { parseYamlDocuments } from '@golden-paths/golden-paths-common';
import { filesMatching } from '../repositoryFiles';
import { arrayOf, isRecord, type YamlRecord } from './values';

/** The folders plain Kubernetes manifests live in, in words for reasons. */
export const MANIFEST_FOLDERS: ReadonlyArray<string> = [
  'k8s',
  'deploy',
  'manifests',
  'kubernetes',
];

/** Every YAML file under {@link MANIFEST_FOLDERS}, at any depth. */
export const KUBERNETES_MANIFEST_PATTERNS: ReadonlyArray<string> =
  MANIFEST_FOLDERS.flatMap(folder => [
    `${folder}/**/*.yaml`,
    `${folder}/**/*.yml`,
  ]);

/** One Kubernetes object of a manifest file. */
export interface ManifestObject {
  file: string;
  kind: string;
  /** `metadata.name`, or "(unnamed)". */
  name: string;
  namespace?: string;
  body: YamlRecord;
}

/** A kustomization.yaml: not an object of its own, but it changes others. */
export interface KustomizationFile {
  file: string;
  body: YamlRecord;
}

/** What the manifest files of a repository hold. */
export interface Manifests {
  /** The manifest files read, kustomization files included. */
  files: string[];
  objects: ManifestObject[];
  kustomizations: KustomizationFile[];
  /**
   * Files with documents that are not YAML (Helm or Jinja templates, say);
   * those documents are skipped, the rest of the file is read.
   */
  unparsable: string[];
}

function isKustomizationFile(file: string): boolean {
  return /(^|\/)kustomization\.ya?ml$/.test(file);
}

function objectsOf(file: string, document: unknown): ManifestObject[] {
  if (!isRecord(document) || typeof document.kind !== 'string') {
    return [];
  }
  if (document.kind === 'List' && Array.isArray(document.items)) {
    return arrayOf(document.items).flatMap(item => objectsOf(file, item));
  }
  const metadata = isRecord(document.metadata) ? document.metadata : {};
  return [
    {
      file,
      kind: document.kind,
      name: typeof metadata.name === 'string' ? metadata.name : '(unnamed)',
      namespace:
        typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
      body: document,
    },
  ];
}

// Several checks read the same repository's manifests, and followers can
// share a repository: parse each snapshot once. Snapshots are never mutated.
const parsedManifests = new WeakMap<RepositorySnapshot, Manifests>();

/** Parses every YAML document of every manifest file of a read repository. */
export function readManifests(repository: RepositorySnapshot): Manifests {
  let manifests = parsedManifests.get(repository);
  if (!manifests) {
    manifests = parseManifests(repository);
    parsedManifests.set(repository, manifests);
  }
  return manifests;
}

function parseManifests(repository: RepositorySnapshot): Manifests {
  const manifests: Manifests = {
    files: [],
    objects: [],
    kustomizations: [],
    unparsable: [],
  };
  for (const file of filesMatching(repository, KUBERNETES_MANIFEST_PATTERNS)) {
    manifests.files.push(file.path);
    let unparsable = false;
    // Repository files are untrusted: the limited reader.
    const parsed = parseYamlDocuments(file.content);
    if (parsed.problems.length > 0 && parsed.documents.length === 0) {
      unparsable = parsed.problems.some(
        p => !/no YAML documents|is empty/.test(p.message),
      );
    }
    for (const document of parsed.documents) {
      if (document.problems.length > 0) {
        unparsable = true;
      } else if (isKustomizationFile(file.path)) {
        if (isRecord(document.value)) {
          manifests.kustomizations.push({
            file: file.path,
            body: document.value,
          });
        }
      } else {
        manifests.objects.push(...objectsOf(file.path, document.value));
      }
    }
    if (unparsable) {
      manifests.unparsable.push(file.path);
    }
  }
  return manifests;
}

import {
  GOLDEN_PATH_KIND,
  GOLDEN_PATH_KIND_LOWER,
  type GoldenPathEntityV1alpha1,
  parseYamlDocuments,
} from '@golden-paths/golden-paths-common';

/** The path to preview, or why there is none. */
export type PreviewResult =
  | { entity: GoldenPathEntityV1alpha1 }
  | { reason: string };

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

/**
 * Reads the first YAML document as a GoldenPath for the preview. The entity
 * may be incomplete (the card reads it defensively); the problem list says
 * what is wrong with it.
 */
export function previewEntity(text: string): PreviewResult {
  // What is typed or pasted into the editor may be anyone's text: the
  // limited reader, as everywhere else.
  const file = parseYamlDocuments(text);
  const [document] = file.documents;
  const [problem] = document?.problems ?? file.problems;
  if (
    !document &&
    (!problem || /empty|no YAML documents/.test(problem.message))
  ) {
    return { reason: 'The editor holds no YAML document yet.' };
  }
  if (problem) {
    return {
      reason: `The first document is not valid YAML: ${firstLine(
        problem.message,
      )} (line ${problem.line}, column ${problem.column})`,
    };
  }
  const value = document?.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      reason:
        'The first document is not a mapping; a GoldenPath starts with apiVersion, kind, metadata and spec.',
    };
  }
  const kind = (value as { kind?: unknown }).kind;
  if (kind === undefined) {
    return {
      reason: `The first document has no kind; add "kind: ${GOLDEN_PATH_KIND}".`,
    };
  }
  if (
    typeof kind !== 'string' ||
    kind.toLocaleLowerCase('en-US') !== GOLDEN_PATH_KIND_LOWER
  ) {
    return {
      reason: `The first document is of kind ${String(
        kind,
      )}, not ${GOLDEN_PATH_KIND}; only golden paths have a preview.`,
    };
  }
  return { entity: value as GoldenPathEntityV1alpha1 };
}

/** The name to download the YAML as: `GoldenPath-<metadata.name>.yaml`. */
export function yamlFileName(text: string): string {
  const preview = previewEntity(text);
  const name =
    'entity' in preview && typeof preview.entity.metadata?.name === 'string'
      ? preview.entity.metadata.name.replace(/[^\w.-]+/g, '-')
      : '';
  return `GoldenPath-${name || 'untitled'}.yaml`;
}

import { posix } from 'node:path';
import type { KustomizationFile, Manifests } from './manifests';
import { arrayOf, isRecord, stringMap } from './values';

/** Labels a kustomization puts on pod templates: `commonLabels`, and `labels` that include templates. */
function templateLabels(
  kustomization: KustomizationFile,
): Record<string, string> {
  const labels = { ...stringMap(kustomization.body.commonLabels) };
  for (const entry of arrayOf(kustomization.body.labels).filter(isRecord)) {
    // includeSelectors puts the pairs on templates too.
    if (entry.includeTemplates === true || entry.includeSelectors === true) {
      Object.assign(labels, stringMap(entry.pairs));
    }
  }
  return labels;
}

/**
 * The labels each manifest file's pod templates get from the kustomizations
 * that list it (or its folder) as a resource, by file. The labels the
 * platform sets in `kustomization.yaml` rather than in every manifest are
 * on the running pods, so they count.
 */
export function kustomizeTemplateLabels(
  manifests: Manifests,
): Map<string, Record<string, string>> {
  const byFile = new Map<string, Record<string, string>>();
  for (const kustomization of manifests.kustomizations) {
    const labels = templateLabels(kustomization);
    if (Object.keys(labels).length === 0) {
      continue;
    }
    const folder = posix.dirname(kustomization.file);
    const resources = [
      ...arrayOf(kustomization.body.resources),
      ...arrayOf(kustomization.body.bases),
    ].filter(
      (resource): resource is string =>
        typeof resource === 'string' && !/:\/\/|\?/.test(resource),
    );
    for (const resource of resources) {
      const target = posix.normalize(posix.join(folder, resource));
      for (const file of manifests.files) {
        if (file === target || file.startsWith(`${target}/`)) {
          byFile.set(file, { ...byFile.get(file), ...labels });
        }
      }
    }
  }
  return byFile;
}

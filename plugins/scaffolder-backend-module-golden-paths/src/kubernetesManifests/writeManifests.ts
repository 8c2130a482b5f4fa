import { InputError } from '@backstage/errors';
import {
  pathExists,
  resolveWorkspaceChild,
  resolveWorkspaceDirectory,
  toPosixRelative,
  writeWorkspaceFile,
} from '@golden-paths/golden-paths-node';
import { buildManifests } from './buildManifests';
import { assertInvariants } from './invariants';
import { assertReadsBack, renderKustomization, renderManifest } from './render';
import type { ManifestsInput } from './schema';

/** What was written: workspace-relative paths and the objects' kinds. */
export type WrittenManifests = { files: string[]; kinds: string[] };

/**
 * Builds, checks and writes a workload's manifests into `input.targetDir`:
 * one file per object and a kustomization.yaml last. Every path is checked,
 * and every existing file refused (unless `overwrite`), before the first
 * write, so bad input leaves the workspace as it was.
 */
export async function writeManifests(
  workspacePath: string,
  input: ManifestsInput,
): Promise<WrittenManifests> {
  const targetDir = resolveWorkspaceDirectory(
    workspacePath,
    input.targetDir,
    'targetDir',
  );

  const manifests = buildManifests(input);
  assertInvariants(manifests.map(m => m.object));
  const rendered = [
    ...manifests.map(m => renderManifest(m, input)),
    renderKustomization(manifests.map(m => m.fileName)),
  ];
  rendered.forEach(assertReadsBack);

  const targets = rendered.map(file => {
    const absolutePath = resolveWorkspaceChild(
      workspacePath,
      targetDir,
      file.fileName,
      `targetDir file ${file.fileName}`,
    );
    return {
      content: file.content,
      absolutePath,
      relativePath: toPosixRelative(workspacePath, absolutePath),
    };
  });
  if (!input.overwrite) {
    for (const target of targets) {
      if (await pathExists(target.absolutePath)) {
        throw new InputError(
          `${target.relativePath} already exists in the workspace; set overwrite: true to replace it`,
        );
      }
    }
  }
  for (const target of targets) {
    await writeWorkspaceFile(target.absolutePath, target.content, {
      overwrite: input.overwrite,
      what: target.relativePath,
    });
  }

  return {
    files: targets.map(t => t.relativePath),
    kinds: manifests.map(m => m.object.kind),
  };
}

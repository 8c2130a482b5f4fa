import type { ManifestsInput } from './schema';

/**
 * A container of the restricted Pod Security Standard: no privilege
 * escalation, no capabilities, a read-only root filesystem.
 */
export const RESTRICTED_CONTAINER_SECURITY = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

/** A pod of the restricted Pod Security Standard, as the given user if any. */
export function restrictedPodSecurity(input: ManifestsInput) {
  return {
    runAsNonRoot: true,
    ...(input.runAsUser ? { runAsUser: input.runAsUser } : {}),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/**
 * The root filesystem is read-only; these emptyDirs are where the container
 * may write (by default only /tmp).
 */
export function writableVolumes(input: ManifestsInput) {
  const name = (dir: string, index: number) =>
    dir === '/tmp' ? 'tmp' : `writable-${index}`;
  return {
    volumes: input.writableDirs.map((dir, i) => ({
      name: name(dir, i),
      emptyDir: {},
    })),
    volumeMounts: input.writableDirs.map((dir, i) => ({
      name: name(dir, i),
      mountPath: dir,
    })),
  };
}

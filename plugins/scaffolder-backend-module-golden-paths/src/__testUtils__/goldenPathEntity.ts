import type { Entity } from '@backstage/catalog-model';
import { GOLDEN_PATH_GUARANTEE_IDS } from '@golden-paths/golden-paths-common';

/** Every guarantee a path can give. */
export const ALL_GUARANTEES: string[] = [...GOLDEN_PATH_GUARANTEE_IDS];

/**
 * A GoldenPath in the default namespace owned by the platform team: a
 * supported service path at 2.1.0, with what `spec` overrides.
 */
export function goldenPathEntity(
  name: string,
  spec: Record<string, unknown> = {},
  title?: string,
): Entity {
  return {
    apiVersion: 'golden-paths.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
    spec: {
      owner: 'group:default/platform-team',
      lifecycle: 'supported',
      category: 'service',
      version: '2.1.0',
      ...spec,
    },
  };
}

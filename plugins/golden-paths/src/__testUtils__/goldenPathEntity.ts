import {
  GOLDEN_PATH_API_VERSION,
  GOLDEN_PATH_KIND,
  type GoldenPathEntityV1alpha1,
} from '@golden-paths/golden-paths-common';

/**
 * A GoldenPath in the default namespace, owned by the platform team, supported
 * and in the service category unless the spec or metadata given say otherwise.
 */
export function goldenPathEntity(
  name: string,
  spec: Partial<GoldenPathEntityV1alpha1['spec']> = {},
  metadata: Partial<GoldenPathEntityV1alpha1['metadata']> = {},
): GoldenPathEntityV1alpha1 {
  return {
    apiVersion: GOLDEN_PATH_API_VERSION,
    kind: GOLDEN_PATH_KIND,
    metadata: { name, namespace: 'default', ...metadata },
    spec: {
      owner: 'group:default/platform-team',
      lifecycle: 'supported',
      category: 'service',
      version: '1.0.0',
      ...spec,
    },
  };
}

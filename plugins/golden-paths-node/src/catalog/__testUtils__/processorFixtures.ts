import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { GoldenPathEntitiesProcessor } from '../GoldenPathEntitiesProcessor';

/** Entities and a runner shared by the processor's tests. */

export const location: LocationSpec = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

export function goldenPath(
  spec: Record<string, unknown> = {},
  metadata: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'golden-paths.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: { name: 'node-http-service', ...metadata },
    spec: {
      owner: 'group:default/platform-team',
      lifecycle: 'supported',
      category: 'service',
      version: '2.1.0',
      templates: ['template:default/node-http-service'],
      guarantees: ['owner', 'ci'],
      steps: [{ title: 'Scaffold the service' }],
      ...spec,
    },
  };
}

export function component(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

export function template(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'node-http-service', annotations },
    spec: { type: 'service', parameters: [], steps: [] },
  };
}

export async function postProcess(entity: Entity) {
  const processor = new GoldenPathEntitiesProcessor();
  const emitted: CatalogProcessorResult[] = [];
  const result = await processor.postProcessEntity(entity, location, r =>
    emitted.push(r),
  );
  const relations = emitted.flatMap(r =>
    r.type === 'relation' ? [r.relation] : [],
  );
  const errors = emitted.flatMap(r => (r.type === 'error' ? [r] : []));
  return { result, emitted, relations, errors };
}

export const ref = (kind: string, name: string, namespace = 'default') => ({
  kind,
  namespace,
  name,
});

/** A relation and its reverse, as the processor emits them. */
export function bothWays(
  source: ReturnType<typeof ref>,
  type: string,
  reverseType: string,
  target: ReturnType<typeof ref>,
) {
  return [
    { source, type, target },
    { source: target, type: reverseType, target: source },
  ];
}

import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  GoldenPathEntityV1alpha1,
  GoldenPathsApi,
} from '@golden-paths/golden-paths-common';
import { goldenPathEntity } from './goldenPathEntity';
import { goldenPathsApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { EntityGoldenPathCard } from '../components/EntityGoldenPathCard/EntityGoldenPathCard';

/** Test data and rendering of the entity card's tests. */

export function component(
  name: string,
  type: string | undefined,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      ...(type ? { type } : {}),
      lifecycle: 'production',
      owner: 'group:default/payments-team',
    },
  };
}

/** A path created by the template of the same name. */
function goldenPath(
  name: string,
  spec: Partial<GoldenPathEntityV1alpha1['spec']>,
  metadata: Partial<GoldenPathEntityV1alpha1['metadata']> = {},
): GoldenPathEntityV1alpha1 {
  return goldenPathEntity(
    name,
    { templates: [`template:default/${name}`], ...spec },
    metadata,
  );
}

function template(name: string, type: string): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name, namespace: 'default' },
    spec: { type, owner: 'group:default/platform-team', steps: [] },
  };
}

/** The paths and templates the card's catalog holds. */
export const catalogEntities: Entity[] = [
  goldenPath(
    'node-http-service',
    { version: '2.1.0' },
    {
      title: 'Node.js HTTP service on Kubernetes',
      description: 'Fastify service with OpenTelemetry.',
    },
  ),
  goldenPath(
    'node-http-service-legacy',
    {
      version: '1.6.0',
      lifecycle: 'deprecated',
      replacedBy: 'goldenpath:default/node-http-service',
    },
    { title: 'Node.js HTTP service (legacy)' },
  ),
  goldenPath(
    'python-data-pipeline',
    { category: 'data', version: '1.4.0' },
    { title: 'Python data pipeline' },
  ),
  goldenPath(
    'spark-job',
    { category: 'data', version: '1.2.0', lifecycle: 'beta' },
    { title: 'Spark job' },
  ),
  goldenPath(
    'react-frontend',
    { category: 'frontend', version: '3.0.0' },
    { title: 'React frontend' },
  ),
  template('node-http-service', 'service'),
  template('python-data-pipeline', 'data-pipeline'),
  template('spark-job', 'data-pipeline'),
  template('react-frontend', 'edge-site'),
];

/** The annotations of a component that follows a path. */
export const following = (path: string, version?: string) => ({
  'golden-paths.dev/path': path,
  ...(version ? { 'golden-paths.dev/path-version': version } : {}),
});

/** Renders the card for an entity, by default with no result for it. */
export async function renderCard(
  entity: Entity,
  options: {
    goldenPathsApi?: Partial<GoldenPathsApi>;
    catalogApi?: unknown;
  } = {},
) {
  const goldenPathsApi = {
    getEntityResult: jest.fn().mockResolvedValue(undefined),
    ...options.goldenPathsApi,
  };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [goldenPathsApiRef, goldenPathsApi],
        [
          catalogApiRef,
          options.catalogApi ?? catalogApiMock({ entities: catalogEntities }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityGoldenPathCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/golden-paths': rootRouteRef } },
  );
  return goldenPathsApi;
}

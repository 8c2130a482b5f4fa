import { AddressInfo } from 'node:net';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import {
  TestBackend,
  TestDatabases,
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import {
  ANNOTATION_GOLDEN_PATH,
  RELATION_FOLLOWS_GOLDEN_PATH,
  RELATION_GOLDEN_PATH_FOLLOWED_BY,
  RELATION_GOLDEN_PATH_TEMPLATE,
  RELATION_TEMPLATE_OF_GOLDEN_PATH,
} from '@golden-paths/golden-paths-common';
import catalogModuleGoldenPaths from './index';

const CATALOG_YAML = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: platform-team
spec:
  type: team
  children: []
---
apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: node-http-service
  title: Node.js HTTP service on Kubernetes
spec:
  owner: group:default/platform-team
  lifecycle: supported
  category: service
  version: 2.1.0
  templates: [template:default/node-http-service]
  guarantees: [owner, ci]
  steps:
    - title: Scaffold the service
---
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: node-http-service
  annotations:
    ${ANNOTATION_GOLDEN_PATH}: goldenpath:default/node-http-service
spec:
  type: service
  owner: group:default/platform-team
  parameters: []
  steps: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  annotations:
    ${ANNOTATION_GOLDEN_PATH}: goldenpath:default/node-http-service
    golden-paths.dev/path-version: 2.1.0
spec:
  type: service
  lifecycle: production
  owner: group:default/platform-team
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: not-a-ref
  annotations:
    ${ANNOTATION_GOLDEN_PATH}: "not a ref:::"
spec:
  type: service
  lifecycle: production
  owner: group:default/platform-team
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: wrong-kind
  annotations:
    ${ANNOTATION_GOLDEN_PATH}: component:default/x
spec:
  type: service
  lifecycle: production
  owner: group:default/platform-team
`;

const INVALID_PATH_YAML = `
apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: old-path
spec:
  owner: group:default/platform-team
  lifecycle: deprecated
  category: service
  version: 1.0.0
`;

function paymentsYaml(annotation: string) {
  return `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  annotations:
    ${ANNOTATION_GOLDEN_PATH}: "${annotation}"
spec:
  type: service
  lifecycle: production
  owner: group:default/platform-team
`;
}

type Relation = { type: string; targetRef: string };

function hasRelation(
  entity: Entity | undefined,
  type: string,
  targetRef: string,
) {
  return (entity?.relations ?? []).some(
    (r: Relation) => r.type === type && r.targetRef === targetRef,
  );
}

// The catalog stores relations in its database: check both engines we ship for.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'catalogModuleGoldenPaths on %s',
  databaseId => {
    const mockDir = createMockDirectory();
    let backend: TestBackend | undefined;

    afterEach(async () => {
      await backend?.stop();
      backend = undefined;
    });

    it('validates golden paths and relates them in the real catalog', async () => {
      mockDir.setContent({
        'catalog.yaml': CATALOG_YAML,
        'invalid-path.yaml': INVALID_PATH_YAML,
        'payments.yaml': paymentsYaml('goldenpath:default/node-http-service'),
      });

      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleScaffolderEntityModel,
          catalogModuleGoldenPaths,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [
                  {
                    allow: [
                      'Component',
                      'Group',
                      'User',
                      'System',
                      'Template',
                      'GoldenPath',
                      'Location',
                    ],
                  },
                ],
                locations: [
                  'catalog.yaml',
                  'invalid-path.yaml',
                  'payments.yaml',
                ].map(file => ({
                  type: 'file',
                  target: mockDir.resolve(file),
                })),
              },
            },
          }),
        ],
      });

      const { port } = backend.server.address() as AddressInfo;
      const get = async (path: string) => {
        const response = await fetch(`http://localhost:${port}${path}`, {
          headers: { Authorization: mockCredentials.user.header() },
        });
        return {
          status: response.status,
          body: response.ok ? await response.json() : undefined,
        };
      };
      const getEntity = async (kind: string, name: string) => {
        const { status, body } = await get(
          `/api/catalog/entities/by-name/${kind}/default/${name}`,
        );
        return status === 200 ? (body as AlphaEntity) : undefined;
      };
      async function waitFor<T>(
        what: string,
        read: () => Promise<T>,
        done: (value: T) => boolean,
      ): Promise<T> {
        const deadline = Date.now() + 25_000;
        for (;;) {
          const value = await read();
          if (done(value)) {
            return value;
          }
          if (Date.now() > deadline) {
            throw new Error(`Timed out waiting for ${what}`);
          }
          await new Promise(resolve => setTimeout(resolve, 250));
        }
      }

      const pathRef = 'goldenpath:default/node-http-service';
      const path = await waitFor(
        'the relations of the golden path',
        () => getEntity('goldenpath', 'node-http-service'),
        entity =>
          hasRelation(entity, 'ownedBy', 'group:default/platform-team') &&
          hasRelation(
            entity,
            RELATION_GOLDEN_PATH_TEMPLATE,
            'template:default/node-http-service',
          ) &&
          hasRelation(
            entity,
            RELATION_GOLDEN_PATH_FOLLOWED_BY,
            'component:default/orders',
          ) &&
          hasRelation(
            entity,
            RELATION_GOLDEN_PATH_FOLLOWED_BY,
            'component:default/payments',
          ),
      );
      expect(path?.spec?.version).toBe('2.1.0');
      expect(path?.status?.items ?? []).toEqual([]);
      // Listed by the path and annotated on the template: stored once.
      expect(
        path?.relations?.filter(r => r.type === RELATION_GOLDEN_PATH_TEMPLATE),
      ).toHaveLength(1);

      const orders = await waitFor(
        'the relations of the component',
        () => getEntity('component', 'orders'),
        entity => hasRelation(entity, RELATION_FOLLOWS_GOLDEN_PATH, pathRef),
      );
      expect(orders?.metadata.annotations?.[ANNOTATION_GOLDEN_PATH]).toBe(
        pathRef,
      );

      const template = await waitFor(
        'the relations of the template',
        () => getEntity('template', 'node-http-service'),
        entity =>
          hasRelation(entity, RELATION_TEMPLATE_OF_GOLDEN_PATH, pathRef),
      );
      expect(
        hasRelation(template, 'ownedBy', 'group:default/platform-team'),
      ).toBe(true);

      const group = await waitFor(
        'the relations of the group',
        () => getEntity('group', 'platform-team'),
        entity => hasRelation(entity, 'ownerOf', pathRef),
      );
      expect(group).toBeDefined();

      // A component whose annotation is not a golden path reference is refused
      // with an error, never related, and the catalog carries on.
      expect(await getEntity('component', 'not-a-ref')).toBeUndefined();
      expect(await getEntity('component', 'wrong-kind')).toBeUndefined();
      // An invalid golden path (deprecated without replacedBy) is refused.
      expect(await getEntity('goldenpath', 'old-path')).toBeUndefined();

      // Once stored, a component whose annotation turns invalid keeps its last
      // good version and shows the error in its status.
      mockDir.addContent({ 'payments.yaml': paymentsYaml('not a ref:::') });
      const payments = await waitFor(
        'the error on the component',
        () => getEntity('component', 'payments'),
        entity => (entity?.status?.items ?? []).length > 0,
      );
      const messages = (payments?.status?.items ?? []).map(i => i.message);
      expect(messages).toEqual([
        expect.stringMatching(
          /^InputError: component:default\/payments has an invalid golden-paths\.dev\/path annotation "not a ref:::": it is not a valid entity reference/,
        ),
      ]);

      const all = await get('/api/catalog/entities?fields=kind,metadata.name');
      expect(all.status).toBe(200);
      expect(
        (all.body as Entity[])
          .map(e => `${e.kind}:${e.metadata.name}`)
          .filter(e => !e.startsWith('Location:'))
          .sort(),
      ).toEqual([
        'Component:orders',
        'Component:payments',
        'GoldenPath:node-http-service',
        'Group:platform-team',
        'Template:node-http-service',
      ]);
    }, 60_000);
  },
);

import {
  type Entity,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_GOLDEN_PATH,
  RELATION_FOLLOWS_GOLDEN_PATH,
  RELATION_GOLDEN_PATH_FOLLOWED_BY,
  RELATION_GOLDEN_PATH_TEMPLATE,
  RELATION_REPLACED_BY_GOLDEN_PATH,
  RELATION_REPLACES_GOLDEN_PATH,
  RELATION_TEMPLATE_OF_GOLDEN_PATH,
} from '@golden-paths/golden-paths-common';
import {
  bothWays,
  component,
  goldenPath,
  location,
  postProcess,
  ref,
  template,
} from './__testUtils__/processorFixtures';

/** The owner relations, both ways, of a path of the fixture's owner. */
function ownedByPlatformTeam(self: ReturnType<typeof ref>) {
  return bothWays(
    self,
    RELATION_OWNED_BY,
    RELATION_OWNER_OF,
    ref('Group', 'platform-team'),
  );
}

describe('GoldenPathEntitiesProcessor', () => {
  describe('postProcessEntity', () => {
    it('emits owner and template relations of a golden path both ways', async () => {
      const entity = goldenPath({
        templates: [
          'template:default/node-http-service',
          'node-http-service-lite',
        ],
      });
      const { result, relations, errors } = await postProcess(entity);
      const self = ref('GoldenPath', 'node-http-service');
      expect(result).toBe(entity);
      expect(errors).toEqual([]);
      expect(relations).toEqual([
        ...ownedByPlatformTeam(self),
        {
          source: self,
          type: RELATION_GOLDEN_PATH_TEMPLATE,
          target: ref('Template', 'node-http-service'),
        },
        {
          source: ref('Template', 'node-http-service'),
          type: RELATION_TEMPLATE_OF_GOLDEN_PATH,
          target: self,
        },
        {
          source: self,
          type: RELATION_GOLDEN_PATH_TEMPLATE,
          target: ref('Template', 'node-http-service-lite'),
        },
        {
          source: ref('Template', 'node-http-service-lite'),
          type: RELATION_TEMPLATE_OF_GOLDEN_PATH,
          target: self,
        },
      ]);
    });

    it('resolves short refs in the golden path namespace', async () => {
      const { relations } = await postProcess(
        goldenPath(
          { owner: 'user:jane', templates: ['svc'] },
          { namespace: 'payments' },
        ),
      );
      const self = ref('GoldenPath', 'node-http-service', 'payments');
      expect(relations).toContainEqual({
        source: self,
        type: RELATION_OWNED_BY,
        target: ref('User', 'jane', 'payments'),
      });
      expect(relations).toContainEqual({
        source: self,
        type: RELATION_GOLDEN_PATH_TEMPLATE,
        target: ref('Template', 'svc', 'payments'),
      });
    });

    it('emits replacement relations of a deprecated golden path both ways', async () => {
      const { relations } = await postProcess(
        goldenPath({
          lifecycle: 'deprecated',
          replacedBy: 'goldenpath:default/node-http-service-v2',
          templates: [],
        }),
      );
      const self = ref('GoldenPath', 'node-http-service');
      const replacement = ref('GoldenPath', 'node-http-service-v2');
      expect(relations).toEqual([
        ...ownedByPlatformTeam(self),
        ...bothWays(
          self,
          RELATION_REPLACED_BY_GOLDEN_PATH,
          RELATION_REPLACES_GOLDEN_PATH,
          replacement,
        ),
      ]);
    });

    it.each([
      {
        kind: 'component',
        entity: component,
        self: ref('Component', 'orders'),
        forward: RELATION_FOLLOWS_GOLDEN_PATH,
        backward: RELATION_GOLDEN_PATH_FOLLOWED_BY,
      },
      {
        kind: 'template',
        entity: template,
        self: ref('Template', 'node-http-service'),
        forward: RELATION_TEMPLATE_OF_GOLDEN_PATH,
        backward: RELATION_GOLDEN_PATH_TEMPLATE,
      },
    ])(
      'emits the relations of an annotated $kind both ways',
      async ({ entity, self, forward, backward }) => {
        const { relations, errors } = await postProcess(
          entity({
            [ANNOTATION_GOLDEN_PATH]: 'goldenpath:default/node-http-service',
          }),
        );
        const path = ref('GoldenPath', 'node-http-service');
        expect(errors).toEqual([]);
        expect(relations).toEqual(bothWays(self, forward, backward, path));
      },
    );

    it('defaults the annotation kind to GoldenPath', async () => {
      const { relations } = await postProcess(
        component({ [ANNOTATION_GOLDEN_PATH]: 'node-http-service' }),
      );
      expect(relations[0]).toEqual({
        source: ref('Component', 'orders'),
        type: RELATION_FOLLOWS_GOLDEN_PATH,
        target: ref('GoldenPath', 'node-http-service'),
      });
    });

    it('emits relations to a path that does not exist (yet)', async () => {
      const { relations, errors } = await postProcess(
        component({ [ANNOTATION_GOLDEN_PATH]: 'goldenpath:default/nowhere' }),
      );
      expect(errors).toEqual([]);
      expect(relations).toHaveLength(2);
    });

    it.each([
      ['not a ref:::', /not a valid entity reference/],
      ['goldenpath:default/', /not a valid entity reference/],
      ['goldenpath:default/bad name!', /not a valid entity reference/],
      ['', /not a valid entity reference/],
      [
        'component:default/x',
        /points at a component; it must point at a GoldenPath/,
      ],
    ])(
      'reports the invalid annotation %j without a relation',
      async (value, reason) => {
        const { result, relations, errors } = await postProcess(
          component({ [ANNOTATION_GOLDEN_PATH]: value }),
        );
        expect(result.metadata.name).toBe('orders');
        expect(relations).toEqual([]);
        expect(errors).toHaveLength(1);
        const [error] = errors;
        if (error.type !== 'error') {
          throw new Error('expected an error result');
        }
        expect(error.error).toBeInstanceOf(InputError);
        expect(error.location).toEqual(location);
        expect(error.error.message).toContain('component:default/orders');
        expect(error.error.message).toContain(ANNOTATION_GOLDEN_PATH);
        expect(error.error.message).toContain(JSON.stringify(value));
        expect(error.error.message).toMatch(reason);
      },
    );

    it('reports an invalid annotation on a template without a relation', async () => {
      const { relations, errors } = await postProcess(
        template({ [ANNOTATION_GOLDEN_PATH]: 'group:default/platform-team' }),
      );
      expect(relations).toEqual([]);
      expect(errors).toHaveLength(1);
    });

    it('leaves other kinds and unannotated entities untouched', async () => {
      const entities: Entity[] = [
        component(),
        template(),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: {
            name: 'platform-team',
            annotations: {
              [ANNOTATION_GOLDEN_PATH]: 'goldenpath:default/node-http-service',
            },
          },
          spec: { type: 'team', children: [] },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'API',
          metadata: {
            name: 'orders-api',
            annotations: { [ANNOTATION_GOLDEN_PATH]: 'not a ref:::' },
          },
          spec: {},
        },
      ];
      for (const entity of entities) {
        const copy = JSON.parse(JSON.stringify(entity));
        const { result, emitted } = await postProcess(entity);
        expect(result).toBe(entity);
        expect(entity).toEqual(copy);
        expect(emitted).toEqual([]);
      }
    });
  });
});

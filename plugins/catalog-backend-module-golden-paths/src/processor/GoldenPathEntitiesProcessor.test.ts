import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_GOLDEN_PATH,
  RELATION_FOLLOWS_GOLDEN_PATH,
  RELATION_GOLDEN_PATH_FOLLOWED_BY,
  RELATION_GOLDEN_PATH_TEMPLATE,
  RELATION_REPLACED_BY_GOLDEN_PATH,
  RELATION_REPLACES_GOLDEN_PATH,
  RELATION_TEMPLATE_OF_GOLDEN_PATH,
  validateGoldenPathEntity,
} from '@golden-paths/golden-paths-common';
import { GoldenPathEntitiesProcessor } from './GoldenPathEntitiesProcessor';

const location: LocationSpec = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

function goldenPath(
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

function component(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

function template(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'node-http-service', annotations },
    spec: { type: 'service', parameters: [], steps: [] },
  };
}

async function postProcess(entity: Entity) {
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

const ref = (kind: string, name: string, namespace = 'default') => ({
  kind,
  namespace,
  name,
});

describe('GoldenPathEntitiesProcessor', () => {
  const processor = new GoldenPathEntitiesProcessor();

  it('has a stable name', () => {
    expect(processor.getProcessorName()).toBe('GoldenPathEntitiesProcessor');
  });

  describe('validateEntityKind', () => {
    it('accepts a valid golden path', async () => {
      await expect(processor.validateEntityKind(goldenPath())).resolves.toBe(
        true,
      );
    });

    it('accepts a deprecated golden path with a replacement', async () => {
      await expect(
        processor.validateEntityKind(
          goldenPath({
            lifecycle: 'deprecated',
            replacedBy: 'goldenpath:default/node-http-service-v2',
          }),
        ),
      ).resolves.toBe(true);
    });

    it('rejects an invalid golden path listing every problem', async () => {
      const entity = goldenPath({
        lifecycle: 'deprecated',
        category: 'spaceship',
        version: 'latest',
        owner: 'component:default/not-a-team',
        guarantees: ['owner', 'teleportation'],
      });
      const error = await processor.validateEntityKind(entity).then(
        () => undefined,
        e => e,
      );
      expect(error).toBeInstanceOf(InputError);
      const message = (error as Error).message;
      for (const expected of [
        /spec\.replacedBy: spec\.replacedBy is required when spec\.lifecycle is deprecated/,
        /spec\.category: must be one of service, .*; got "spaceship"/,
        /spec\.version: must be a semantic version .*; got "latest"/,
        /spec\.guarantees\[1\]: must be one of owner, .*; got "teleportation"/,
        /spec\.owner: "component:default\/not-a-team" points at a component/,
      ]) {
        expect(message).toMatch(expected);
      }
      const problems = validateGoldenPathEntity(entity);
      expect(problems).toHaveLength(5);
      expect(message).toBe(
        problems.map(p => `${p.field}: ${p.message}`).join('; '),
      );
    });

    it('rejects a golden path whose links would run script in the portal', async () => {
      const entity = goldenPath(
        {},
        {
          links: [
            { title: 'Docs', url: 'https://docs.example.com/' },
            // eslint-disable-next-line no-script-url -- the attack under test
            { title: 'Runbook', url: 'javascript:alert(document.cookie)' },
            { title: 'Support', url: 'mailto:platform@example.com' },
            { title: 'Page', url: ' data:text/html,<script>alert(1)</script>' },
          ],
        },
      );
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        'metadata.links[1].url: must be an http, https or mailto address; got "javascript:alert(document.cookie)"; metadata.links[3].url: must be an http, https or mailto address',
      );
    });

    it('rejects a golden path without required fields', async () => {
      const entity: Entity = {
        apiVersion: 'golden-paths.dev/v1alpha1',
        kind: 'GoldenPath',
        metadata: { name: 'empty' },
        spec: { extra: true },
      };
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        InputError,
      );
      const message = await processor
        .validateEntityKind(entity)
        .catch(e => (e as Error).message);
      for (const field of [
        'spec.owner',
        'spec.lifecycle',
        'spec.category',
        'spec.version',
        'spec.extra',
      ]) {
        expect(message).toContain(`${field}: `);
      }
    });

    it('rejects a path replaced by itself through a short ref in its namespace', async () => {
      const entity = goldenPath(
        { lifecycle: 'deprecated', replacedBy: 'node-http-service' },
        { namespace: 'payments' },
      );
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        'spec.replacedBy: a golden path cannot be replaced by itself',
      );
    });

    it('rejects a malformed namespace with an InputError', async () => {
      const entity = goldenPath(
        { lifecycle: 'deprecated', replacedBy: 'node-http-service-v2' },
        { namespace: 5 },
      );
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        InputError,
      );
    });

    it('leaves other kinds to other processors', async () => {
      await expect(processor.validateEntityKind(component())).resolves.toBe(
        false,
      );
      await expect(processor.validateEntityKind(template())).resolves.toBe(
        false,
      );
      await expect(
        processor.validateEntityKind({
          ...goldenPath(),
          apiVersion: 'golden-paths.dev/v2',
        }),
      ).resolves.toBe(false);
    });
  });

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
        {
          source: self,
          type: RELATION_OWNED_BY,
          target: ref('Group', 'platform-team'),
        },
        {
          source: ref('Group', 'platform-team'),
          type: RELATION_OWNER_OF,
          target: self,
        },
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
        {
          source: self,
          type: RELATION_OWNED_BY,
          target: ref('Group', 'platform-team'),
        },
        {
          source: ref('Group', 'platform-team'),
          type: RELATION_OWNER_OF,
          target: self,
        },
        {
          source: self,
          type: RELATION_REPLACED_BY_GOLDEN_PATH,
          target: replacement,
        },
        {
          source: replacement,
          type: RELATION_REPLACES_GOLDEN_PATH,
          target: self,
        },
      ]);
    });

    it('emits follow relations of a component both ways', async () => {
      const { relations, errors } = await postProcess(
        component({
          [ANNOTATION_GOLDEN_PATH]: 'goldenpath:default/node-http-service',
        }),
      );
      const self = ref('Component', 'orders');
      const path = ref('GoldenPath', 'node-http-service');
      expect(errors).toEqual([]);
      expect(relations).toEqual([
        { source: self, type: RELATION_FOLLOWS_GOLDEN_PATH, target: path },
        { source: path, type: RELATION_GOLDEN_PATH_FOLLOWED_BY, target: self },
      ]);
    });

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

    it('emits template relations of an annotated template both ways', async () => {
      const { relations, errors } = await postProcess(
        template({
          [ANNOTATION_GOLDEN_PATH]: 'goldenpath:default/node-http-service',
        }),
      );
      const self = ref('Template', 'node-http-service');
      const path = ref('GoldenPath', 'node-http-service');
      expect(errors).toEqual([]);
      expect(relations).toEqual([
        { source: self, type: RELATION_TEMPLATE_OF_GOLDEN_PATH, target: path },
        { source: path, type: RELATION_GOLDEN_PATH_TEMPLATE, target: self },
      ]);
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

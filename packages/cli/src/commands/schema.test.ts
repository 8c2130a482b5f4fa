// ajv is installed (a dependency of golden-paths-common) but not yet declared
// in this package's devDependencies; see the package README.
import Ajv from 'ajv';
import { goldenPathEntityV1alpha1Schema } from '@golden-paths/golden-paths-common';
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { captureIo } from '../__testUtils__';
import { schema } from './schema';

const corpus = resolve(__dirname, '../__fixtures__/corpus');

async function printSchema(kind?: string) {
  const { io, stdout, stderr } = captureIo(process.cwd());
  const code = await schema(kind ? { kind } : {}, io);
  expect(stderr()).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout());
}

function compile(jsonSchema: object) {
  // Strict mode, so an unresolved $ref or unknown keyword fails the test;
  // union types are Backstage's own (the Template schema uses them).
  return new Ajv({ allErrors: true, allowUnionTypes: true }).compile(
    jsonSchema,
  );
}

function refsOf(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach(item => refsOf(item, refs));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        refs.push(value);
      } else if (key !== 'examples') {
        refsOf(value, refs);
      }
    }
  }
  return refs;
}

function yamlEntities(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJS())
    .filter(Boolean);
}

const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'artist-web', annotations: { 'a.io/b': 'c' } },
  spec: { type: 'website', lifecycle: 'production', owner: 'team-a' },
};

const goldenPath = {
  apiVersion: 'golden-paths.dev/v1alpha1',
  kind: 'GoldenPath',
  metadata: { name: 'node-http-service', tags: ['nodejs'] },
  spec: {
    owner: 'group:default/platform-team',
    lifecycle: 'supported',
    category: 'service',
    version: '2.1.0',
    guarantees: ['owner', 'sbom'],
  },
};

describe('golden-paths schema', () => {
  it('prints the combined schema by default', async () => {
    const printed = await printSchema();
    expect(printed.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(printed).toEqual(await printSchema('all'));
  });

  it('dispatches on kind for GoldenPath, Template and every core kind', async () => {
    const printed = await printSchema('all');
    // Our kinds first, then the core kinds of @backstage/catalog-model.
    const kinds =
      'GoldenPath Template API Component Domain Group Location Resource System User'.split(
        ' ',
      );
    expect(printed.allOf).toEqual(
      kinds.map(kind => ({
        if: { properties: { kind: { const: kind } }, required: ['kind'] },
        then: { $ref: `#/definitions/${kind}` },
      })),
    );
    expect(Object.keys(printed.definitions)).toEqual(
      expect.arrayContaining([...kinds, 'Entity', 'EntityMeta']),
    );
  });

  it.each(['all', 'Template', 'GoldenPath'])(
    'prints a self-contained schema for %s',
    async kind => {
      const printed = await printSchema(kind);
      for (const ref of refsOf(printed)) {
        expect(ref).toMatch(/^#\/definitions\/[\w.]+$/);
        const name = ref.slice('#/definitions/'.length);
        expect(printed.definitions).toHaveProperty([name]);
      }
      expect(JSON.stringify(printed)).not.toMatch(/"\$id":"(Entity|common|#)/);
      expect(() => compile(printed)).not.toThrow();
    },
  );

  describe('the combined schema', () => {
    let validate: ReturnType<typeof compile>;

    beforeAll(async () => {
      validate = compile(await printSchema('all'));
    });

    it('accepts a valid Component', () => {
      expect(validate(component)).toBe(true);
    });

    it('rejects a Component without spec.owner', () => {
      const { owner, ...spec } = component.spec;
      expect(validate({ ...component, spec })).toBe(false);
      expect(validate.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            instancePath: '/spec',
            params: { missingProperty: 'owner' },
          }),
        ]),
      );
    });

    it('accepts a valid GoldenPath and rejects an unknown lifecycle', () => {
      expect(validate(goldenPath)).toBe(true);
      expect(
        validate({
          ...goldenPath,
          spec: { ...goldenPath.spec, lifecycle: 'stable' },
        }),
      ).toBe(false);
      expect(validate.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            instancePath: '/spec/lifecycle',
            keyword: 'enum',
          }),
        ]),
      );
    });

    it('rejects a deprecated GoldenPath without replacedBy', () => {
      expect(
        validate({
          ...goldenPath,
          spec: { ...goldenPath.spec, lifecycle: 'deprecated' },
        }),
      ).toBe(false);
    });

    it('rejects metadata the catalog would reject and a missing kind', () => {
      expect(validate({ ...component, metadata: {} })).toBe(false);
      const { kind, ...noKind } = component;
      expect(validate(noKind)).toBe(false);
      expect(validate({ ...component, kind: 'Widget' })).toBe(false);
    });

    it('accepts every entity of the real-world corpus', () => {
      const dirs = [
        'backstage-catalog-examples',
        'backstage-software-templates',
      ];
      let count = 0;
      for (const dir of dirs) {
        for (const name of fs.readdirSync(join(corpus, dir))) {
          for (const entity of yamlEntities(join(corpus, dir, name))) {
            count++;
            if (!validate(entity)) {
              throw new Error(
                `${dir}/${name}: ${JSON.stringify(validate.errors, null, 2)}`,
              );
            }
          }
        }
      }
      expect(count).toBeGreaterThanOrEqual(16);
    });
  });

  it('prints the scaffolder Template schema', async () => {
    const printed = await printSchema('Template');
    expect(printed.title).toBe('Template');
    const validate = compile(printed);
    const [template] = yamlEntities(
      join(corpus, 'backstage-software-templates', 'react-ssr-template.yaml'),
    );
    expect(validate(template)).toBe(true);
    expect(
      validate({ ...template, spec: { ...template.spec, steps: 'x' } }),
    ).toBe(false);
    expect(validate(component)).toBe(false);
  });

  it('prints the GoldenPath schema as the validator uses it', async () => {
    const printed = await printSchema('GoldenPath');
    expect(printed).toEqual(goldenPathEntityV1alpha1Schema);
    const validate = compile(printed);
    expect(validate(goldenPath)).toBe(true);
    expect(
      validate({ ...goldenPath, spec: { ...goldenPath.spec, lifecycle: 'x' } }),
    ).toBe(false);
  });

  it('exits 2 for an unknown kind', async () => {
    const { io, stdout, stderr } = captureIo(process.cwd());
    expect(await schema({ kind: 'Widget' }, io)).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(/unknown kind "Widget"/);
  });
});

import {
  GOLDEN_PATH_CATEGORIES,
  GOLDEN_PATH_GUARANTEES,
  GOLDEN_PATH_LIFECYCLES,
} from '@golden-paths/golden-paths-common';
import { schemaAt, schemaKeys, schemaValues } from './goldenPathSchema';

const names = (path: Array<string | number>) =>
  schemaKeys(path).map(key => key.name);

describe('goldenPathSchema', () => {
  it('lists the keys of each mapping of the kind', () => {
    expect(names([])).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(names(['metadata'])).toEqual([
      'name',
      'namespace',
      'title',
      'description',
      'tags',
      'links',
    ]);
    expect(names(['spec'])).toEqual([
      'owner',
      'lifecycle',
      'category',
      'version',
      'replacedBy',
      'templates',
      'stack',
      'guarantees',
      'steps',
    ]);
    expect(names(['spec', 'stack'])).toEqual([
      'language',
      'runtime',
      'framework',
      'ci',
      'deploy',
      'observability',
    ]);
    expect(names(['spec', 'steps', 3])).toEqual(['title', 'description']);
    expect(names(['metadata', 'links', 0])).toEqual([
      'url',
      'title',
      'icon',
      'type',
    ]);
  });

  it('marks required keys, types and keys with fixed values', () => {
    const spec = schemaKeys(['spec']);
    expect(spec.find(key => key.name === 'owner')).toMatchObject({
      required: true,
      type: 'string',
      hasValues: true,
    });
    expect(spec.find(key => key.name === 'lifecycle')).toMatchObject({
      required: true,
      hasValues: true,
    });
    expect(spec.find(key => key.name === 'stack')).toMatchObject({
      required: false,
      type: 'object',
    });
    expect(spec.find(key => key.name === 'steps')?.type).toBe('array');
  });

  it('reads enum values from the schema, matching the shared constants', () => {
    const values = (path: Array<string | number>) =>
      schemaValues(path).map(value => value.value);
    expect(values(['apiVersion'])).toEqual(['golden-paths.dev/v1alpha1']);
    expect(values(['kind'])).toEqual(['GoldenPath']);
    expect(values(['spec', 'lifecycle'])).toEqual(GOLDEN_PATH_LIFECYCLES);
    expect(values(['spec', 'category'])).toEqual(GOLDEN_PATH_CATEGORIES);
    expect(values(['spec', 'guarantees', 4])).toEqual(
      GOLDEN_PATH_GUARANTEES.map(guarantee => guarantee.id),
    );
  });

  it('names guarantees by their titles', () => {
    expect(schemaValues(['spec', 'guarantees', 0])).toContainEqual(
      expect.objectContaining({
        value: 'image-signing',
        detail: 'Signed images',
        source: 'enum',
      }),
    );
  });

  it('falls back to examples where any value is allowed', () => {
    expect(schemaValues(['spec', 'owner'])).toEqual([
      expect.objectContaining({
        value: 'group:default/platform-team',
        source: 'example',
      }),
    ]);
    expect(schemaValues(['metadata', 'name'])).toEqual([]);
  });

  it('follows additional properties and stops at unknown keys', () => {
    expect(schemaAt(['spec', 'stack', 'packaging'])?.type).toBe('string');
    expect(schemaAt(['spec', 'unknown'])).toBeUndefined();
    expect(schemaAt(['spec', 'owner', 'deeper'])).toBeUndefined();
  });
});

import { stringifyEntityRef } from '@backstage/catalog-model';
import { entityRefKey, normalizeRef, refNormalizer } from './refs';

describe('entityRefKey', () => {
  it.each([
    { kind: 'Component', metadata: { name: 'Payments-API' } },
    { kind: 'Group', metadata: { name: 'Team-A', namespace: 'Platform' } },
    { kind: 'GoldenPath', metadata: { name: 'node', namespace: 'default' } },
  ])('is the lower-case stringified ref of %j', entity => {
    const full = { apiVersion: 'v1', ...entity };
    expect(entityRefKey(full)).toBe(
      stringifyEntityRef(full).toLocaleLowerCase('en-US'),
    );
  });
});

describe('refNormalizer', () => {
  it('answers as normalizeRef, per default namespace, also when asked again', () => {
    const ownerRef = refNormalizer('group');
    for (let round = 0; round < 2; round++) {
      expect(ownerRef('Team-A')).toBe('group:default/team-a');
      expect(ownerRef('Team-A', 'Ops')).toBe('group:ops/team-a');
      expect(ownerRef('user:bob', 'ops')).toBe('user:ops/bob');
      expect(ownerRef('a:b:c/d')).toBe(
        normalizeRef('a:b:c/d', { defaultKind: 'group' }),
      );
      expect(ownerRef('')).toBeUndefined();
      expect(ownerRef(undefined)).toBeUndefined();
    }
  });
});

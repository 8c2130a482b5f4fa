import { normalizeEntityRef } from '@golden-paths/golden-paths-common';
import { refNormalizer } from './refs';

describe('refNormalizer', () => {
  it('answers as normalizeEntityRef, per default namespace, also when asked again', () => {
    const ownerRef = refNormalizer('group');
    for (let round = 0; round < 2; round++) {
      expect(ownerRef('Team-A')).toBe('group:default/team-a');
      expect(ownerRef('Team-A', 'Ops')).toBe('group:ops/team-a');
      expect(ownerRef('user:bob', 'ops')).toBe('user:ops/bob');
      expect(ownerRef('a:b:c/d')).toBe(
        normalizeEntityRef('a:b:c/d', { defaultKind: 'group' }),
      );
      expect(ownerRef('')).toBeUndefined();
      expect(ownerRef(undefined)).toBeUndefined();
    }
  });
});

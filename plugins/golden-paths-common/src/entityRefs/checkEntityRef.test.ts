import { checkEntityRef } from './checkEntityRef';
import {
  entityRefKey,
  normalizeEntityRef,
  tryParseEntityRef,
} from './entityRefKey';
import { describeEntityRefProblem } from './describeEntityRefProblem';
import { parseGoldenPathRef } from './goldenPathRef';

const OWNER = { defaultKind: 'Group', allowedKinds: ['Group', 'User'] };

describe('checkEntityRef', () => {
  it('reads short and full refs with the defaults, keyed in lower case', () => {
    expect(checkEntityRef('payments-team', OWNER)).toEqual({
      ref: { kind: 'Group', namespace: 'default', name: 'payments-team' },
      key: 'group:default/payments-team',
    });
    expect(
      checkEntityRef('team-x/Alice', { ...OWNER, defaultNamespace: 'other' })
        .key,
    ).toBe('group:team-x/alice');
    expect(checkEntityRef('User:ops/Alice', OWNER).key).toBe('user:ops/alice');
    expect(
      checkEntityRef('x', { defaultKind: 'Group', defaultNamespace: 'ops' })
        .key,
    ).toBe('group:ops/x');
  });

  it('allows any kind when no kinds are given', () => {
    expect(
      checkEntityRef('component:default/x', { defaultKind: 'Group' }).key,
    ).toBe('component:default/x');
  });

  it.each([
    [undefined, 'malformed'],
    ['', 'malformed'],
    ['a:b:c', 'invalid-name'],
    ['group:default/', 'malformed'],
    ['group:bad ns/x', 'invalid-namespace'],
    ['group:default/bad name!', 'invalid-name'],
    [' group:default/x', 'malformed'],
    ['component:default/x', 'kind-not-allowed'],
  ])('reports %j as %s', (value, type) => {
    expect(checkEntityRef(value, OWNER).problem?.type).toBe(type);
  });
});

describe('tryParseEntityRef and normalizeEntityRef', () => {
  it('read a ref as the catalog compares it, in any case', () => {
    expect(tryParseEntityRef('Team-A', OWNER)).toEqual({
      kind: 'Group',
      namespace: 'default',
      name: 'Team-A',
    });
    expect(
      normalizeEntityRef('Team-A', { ...OWNER, defaultNamespace: 'Ops' }),
    ).toBe('group:ops/team-a');
    expect(normalizeEntityRef('user:bob', OWNER)).toBe('user:default/bob');
    expect(normalizeEntityRef('a:b:c', { defaultKind: 'group' })).toBe(
      'a:default/b:c',
    );
  });

  it.each([undefined, '', ':x', 'component:default/x'])(
    'are undefined for %j',
    value => {
      expect(tryParseEntityRef(value, OWNER)).toBeUndefined();
      expect(normalizeEntityRef(value, OWNER)).toBeUndefined();
    },
  );
});

describe('describeEntityRefProblem', () => {
  const describe_ = (value: string, options?: { brief?: boolean }) =>
    describeEntityRefProblem(checkEntityRef(value, OWNER).problem!, options);

  it('says what is wrong, naming the value and the expected kinds', () => {
    expect(describe_(':x')).toBe(
      '":x" is not a valid entity reference; expected [<kind>:][<namespace>/]<name> pointing at a Group or User',
    );
    expect(describe_('group:bad ns/x')).toBe(
      '"group:bad ns/x" has an invalid namespace "bad ns"',
    );
    expect(describe_('a:b:c')).toBe(
      '"a:b:c" has an invalid entity name "b:c"; names are at most 63 characters of [a-zA-Z0-9] separated by [-_.]',
    );
    expect(describe_('component:default/x')).toBe(
      '"component:default/x" points at a component; it must point at a Group or User',
    );
  });

  it('reports a bad part as a malformed ref when brief, with any subject', () => {
    const { problem } = checkEntityRef('a:b:c', OWNER);
    expect(
      describeEntityRefProblem(problem!, { subject: 'it', brief: true }),
    ).toBe(
      'it is not a valid entity reference; expected [<kind>:][<namespace>/]<name> pointing at a Group or User',
    );
  });
});

describe('entityRefKey', () => {
  it('keys an entity and a ref alike', () => {
    expect(
      entityRefKey({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'Orders' },
      }),
    ).toBe('component:default/orders');
    expect(entityRefKey({ kind: 'Group', namespace: 'Ops', name: 'X' })).toBe(
      'group:ops/x',
    );
  });
});

describe('parseGoldenPathRef', () => {
  it('reads a trimmed path ref in the given namespace', () => {
    expect(parseGoldenPathRef(' node-http-service ', 'team-x')).toEqual({
      kind: 'GoldenPath',
      namespace: 'team-x',
      name: 'node-http-service',
    });
    expect(parseGoldenPathRef('goldenpath:default/x')?.name).toBe('x');
  });

  it('is undefined for a ref to another kind or a malformed one', () => {
    expect(parseGoldenPathRef('component:default/x')).toBeUndefined();
    expect(parseGoldenPathRef(':x')).toBeUndefined();
  });
});

import { groupByVersion } from './groupByVersion';

const follower = (name: string, version?: string) => ({
  entityRef: `component:default/${name}`,
  version,
});

describe('groupByVersion', () => {
  it('groups followers by version, oldest first by semver, not by text', () => {
    const groups = groupByVersion([
      follower('a', '2.0.3'),
      follower('b', '1.10.0'),
      follower('c', '1.9.0'),
      follower('d', '2.0.3'),
    ]);
    expect(
      groups.map(g => [g.version, g.followers.map(f => f.entityRef)]),
    ).toEqual([
      ['1.9.0', ['component:default/c']],
      ['1.10.0', ['component:default/b']],
      ['2.0.3', ['component:default/a', 'component:default/d']],
    ]);
  });

  it('puts versions that are not semver, then followers without one, last', () => {
    const groups = groupByVersion([
      follower('none'),
      follower('odd', 'latest'),
      follower('old', '0.1.0'),
    ]);
    expect(groups.map(g => g.version)).toEqual(['0.1.0', 'latest', undefined]);
  });
});

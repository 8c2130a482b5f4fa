import {
  compareVersions,
  compareVersionsNewestFirst,
  isSemver,
} from './semver';

describe('isSemver', () => {
  it.each(['1.4.0', '0.0.1', '2.0.0-rc.1', '1.0.0+build.5', '1.0.0-beta+exp'])(
    'accepts %s',
    value => expect(isSemver(value)).toBe(true),
  );

  it.each(['v1.4.0', ' 1.4.0', '1.4', '01.4.0', '1.4.0.1', 'latest', '', 3])(
    'refuses %j',
    value => expect(isSemver(value)).toBe(false),
  );
});

describe('compareVersions', () => {
  const versions = ['latest', '1.10.0', '2.0.0', '1.9.0', '2.0.0-rc.1', 'dev'];

  it('orders by semver precedence, not by text, with the rest last', () => {
    expect([...versions].sort(compareVersions)).toEqual([
      '1.9.0',
      '1.10.0',
      '2.0.0-rc.1',
      '2.0.0',
      'dev',
      'latest',
    ]);
  });

  it('orders newest first, still with the rest last', () => {
    expect([...versions].sort(compareVersionsNewestFirst)).toEqual([
      '2.0.0',
      '2.0.0-rc.1',
      '1.10.0',
      '1.9.0',
      'dev',
      'latest',
    ]);
  });
});

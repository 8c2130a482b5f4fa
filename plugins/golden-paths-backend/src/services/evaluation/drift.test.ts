import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import { driftLookup, driftOf, driftStatus } from './drift';

describe('driftStatus', () => {
  it.each([
    ['2.1.0', '2.1.0', 'up-to-date'],
    ['2.1.0', '2.1.3', 'patch-behind'],
    ['1.9.0', '1.10.0', 'minor-behind'],
    ['2.0.0', '2.1.0', 'minor-behind'],
    ['1.9.9', '2.0.0', 'major-behind'],
    ['2.0.0-rc.1', '2.0.0', 'patch-behind'],
    ['1.0.0-rc.1', '2.0.0', 'major-behind'],
    ['3.0.0', '2.1.0', 'ahead'],
    [undefined, '2.1.0', 'unknown'],
    ['latest', '2.1.0', 'unknown'],
    ['1.0', '2.1.0', 'unknown'],
  ])('%s against %s is %s', (current, latest, expected) => {
    expect(driftStatus(current, latest)).toBe(expected);
  });
});

const path = (spec: Partial<GoldenPathEntityV1alpha1['spec']>) =>
  ({
    apiVersion: 'golden-paths.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: { name: 'legacy' },
    spec: {
      owner: 'group:default/platform-team',
      lifecycle: 'supported',
      category: 'service',
      version: '1.6.0',
      ...spec,
    },
  } as GoldenPathEntityV1alpha1);

describe('driftOf', () => {
  it('marks followers of a deprecated path with its replacement', () => {
    expect(
      driftOf(
        '1.6.0',
        path({
          lifecycle: 'deprecated',
          replacedBy: 'goldenpath:default/node-http-service',
        }),
      ),
    ).toEqual({
      status: 'up-to-date',
      currentVersion: '1.6.0',
      latestVersion: '1.6.0',
      deprecated: true,
      replacedBy: 'goldenpath:default/node-http-service',
    });
  });

  it('leaves out the version a follower does not declare', () => {
    expect(driftOf(undefined, path({}))).toEqual({
      status: 'unknown',
      latestVersion: '1.6.0',
      deprecated: false,
    });
  });
});

describe('driftLookup', () => {
  it("gives followers at one version the same drift, which no follower's result can change", () => {
    const driftFor = driftLookup(path({ version: '2.1.0' }));

    const first = driftFor('2.0.0');
    expect(driftFor('2.0.0')).toBe(first);
    expect(first).toEqual(driftOf('2.0.0', path({ version: '2.1.0' })));
    expect(driftFor(undefined)).toEqual({
      status: 'unknown',
      latestVersion: '2.1.0',
      deprecated: false,
    });
    expect(() => {
      (first as { status: string }).status = 'up-to-date';
    }).toThrow(TypeError);
  });

  it('still answers for every version when followers name very many', () => {
    const driftFor = driftLookup(path({ version: '2.1.0' }));
    for (let patch = 0; patch < 1500; patch++) {
      expect(driftFor(`1.0.${patch}`)).toEqual({
        status: 'major-behind',
        currentVersion: `1.0.${patch}`,
        latestVersion: '2.1.0',
        deprecated: false,
      });
    }
  });
});

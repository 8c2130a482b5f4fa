import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import { FollowerTally } from './FollowerTally';
import { pathDetails } from './pathDetails';

const path = (version: string): GoldenPathEntityV1alpha1 =>
  ({
    apiVersion: 'golden-paths.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: { name: 'node-http-service', namespace: 'default' },
    spec: {
      owner: 'platform-team',
      lifecycle: 'deprecated',
      category: 'service',
      version,
      replacedBy: 'node-http-service-v3',
      templates: ['node-http-service'],
    },
  } as GoldenPathEntityV1alpha1);

describe('pathDetails', () => {
  const figures = new FollowerTally([]).figures();
  const monday = new Date('2026-11-23T08:00:00Z');
  const tuesday = new Date('2026-11-24T08:00:00Z');

  it('writes refs in full', () => {
    expect(pathDetails(path('2.1.0'), figures, monday)).toMatchObject({
      ref: 'goldenpath:default/node-http-service',
      owner: 'group:default/platform-team',
      replacedBy: 'goldenpath:default/node-http-service-v3',
      templates: ['template:default/node-http-service'],
    });
  });

  it('dates a version from the first evaluation that saw it', () => {
    const first = pathDetails(path('2.1.0'), figures, monday);
    expect(first.versionSince).toBe(monday.toISOString());
    expect(
      pathDetails(path('2.1.0'), figures, tuesday, first).versionSince,
    ).toBe(monday.toISOString());
    expect(
      pathDetails(path('2.2.0'), figures, tuesday, first).versionSince,
    ).toBe(tuesday.toISOString());
  });
});

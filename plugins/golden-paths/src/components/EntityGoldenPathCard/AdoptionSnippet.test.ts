import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import { adoptionYaml } from './AdoptionSnippet';

const path = (version: string): GoldenPathEntityV1alpha1 => ({
  apiVersion: 'golden-paths.dev/v1alpha1',
  kind: 'GoldenPath',
  metadata: { name: 'Spark-Job', namespace: 'data' },
  spec: {
    owner: 'group:default/data-team',
    lifecycle: 'supported',
    category: 'data',
    version,
  },
});

describe('adoptionYaml', () => {
  it('writes both annotations with the path ref and version', () => {
    expect(adoptionYaml(path('1.2.0'))).toBe(
      [
        'metadata:',
        '  annotations:',
        '    golden-paths.dev/path: goldenpath:data/spark-job',
        '    golden-paths.dev/path-version: 1.2.0',
        '',
      ].join('\n'),
    );
  });

  it('quotes a version YAML would read as a number', () => {
    expect(adoptionYaml(path('1.0'))).toContain(
      'golden-paths.dev/path-version: "1.0"',
    );
  });
});

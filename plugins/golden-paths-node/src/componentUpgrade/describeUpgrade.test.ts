import type { UpgradePlan } from '@golden-paths/golden-paths-common';
import { describeUpgrade } from './describeUpgrade';

const plan: UpgradePlan = {
  entityRef: 'component:default/orders',
  path: { entityRef: 'goldenpath:default/node', title: 'Node service' },
  fromVersion: '2.1.0',
  toVersion: '2.2.0',
  mode: 'merge',
  files: [
    { path: 'README.md', outcome: 'conflict', flagged: true, detail: 'd' },
    {
      path: 'src/telemetry.ts',
      previousPath: 'src/instrumentation.ts',
      outcome: 'renamed',
      flagged: false,
      detail: 'd',
    },
  ],
  summary: { changed: 2, conflicts: 1, flagged: 1 },
  delivery: { kind: 'local-branch', branch: 'b', repository: '/r' },
  releaseNotes: '- CI type-checks.\n',
  timings: { renderMs: 1, mergeMs: 1 },
};

describe('describeUpgrade', () => {
  it('gives the commit or pull request a title, a per-file table and the release notes', () => {
    expect(describeUpgrade(plan)).toBe(
      [
        'Upgrade to Node service 2.2.0 (from 2.1.0)',
        '',
        'Three-way merge of 2.1.0, this repository and 2.2.0.',
        '1 file(s) have conflict markers to resolve.',
        '',
        '| file | outcome |',
        '| --- | --- |',
        '| README.md | Conflict |',
        '| src/instrumentation.ts → src/telemetry.ts | Renamed |',
        '',
        '## Release notes',
        '',
        '- CI type-checks.',
        '',
      ].join('\n'),
    );
  });

  it('says a recopy is not a merge, and why', () => {
    expect(
      describeUpgrade({
        ...plan,
        mode: 'recopy',
        recopyReason: 'Version 2.1.0 can no longer be rendered.',
        summary: { changed: 2, conflicts: 0, flagged: 1 },
        releaseNotes: undefined,
      }),
    ).toMatch(
      /^Upgrade to Node service 2\.2\.0 \(from 2\.1\.0\)\n\nRecopy, not a merge: Version 2\.1\.0 can no longer be rendered\.\nNo conflicts\.\n/,
    );
  });
});

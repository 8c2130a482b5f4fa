import type { ScaffoldRecord } from '../scaffold/scaffoldRecord';
import { baseExactness } from './baseExactness';

const hash = (c: string) => c.repeat(64);
const record = {
  path: { version: '2.1.0' },
  template: { revision: { contentHash: `sha256:${hash('a')}` } },
  files: [
    { path: 'README.md', sha256: hash('1') },
    { path: 'src/app.ts', sha256: hash('2') },
  ],
} as unknown as ScaffoldRecord;

describe('baseExactness', () => {
  it('says nothing when the old version renders what the repository was made from', () => {
    expect(
      baseExactness(record, `sha256:${hash('a')}`, [
        { path: 'README.md', sha256: hash('1') },
        { path: 'src/app.ts', sha256: hash('2') },
      ]),
    ).toEqual([]);
  });

  it('names a changed revision and the files that render differently, added and gone ones included', () => {
    expect(
      baseExactness(record, `sha256:${hash('b')}`, [
        { path: 'README.md', sha256: hash('9') },
        { path: 'NEW.md', sha256: hash('3') },
      ]),
    ).toEqual([
      `The template's revision of 2.1.0 changed since this repository was made from it (sha256:aaaaaaaaaaaa then, sha256:bbbbbbbbbbbb now).`,
      'Version 2.1.0 renders 3 file(s) differently today than when this repository was made (NEW.md, README.md, src/app.ts): changes there may be shown as yours.',
    ]);
  });
});

import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTempDir } from '../__testUtils__';

jest.setTimeout(120_000);

const bin = resolve(__dirname, '../../bin/golden-paths');

/*
 * A platform engineer lints a folder a colleague (or a pull request from
 * outside) filled. The command must finish, name each file's problem, and
 * exit 1, whatever the YAML looks like.
 */
describe('golden-paths lint on hostile YAML', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;

  beforeAll(async () => {
    dir = await createTempDir();
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      laughs.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    await dir.write({
      'hostile/nested-keys.yaml': `${'? '.repeat(390)}x\n`,
      'hostile/many-keys.yaml': Array.from(
        { length: 60_000 },
        (_, i) => `key${i}: value`,
      ).join('\n'),
      'hostile/map-keys.yaml': `? { a: [1, { b: 2 }] }\n: value\n`,
      'hostile/laughs.yaml': laughs.join('\n'),
    });
  });

  afterAll(async () => {
    await dir.cleanup();
  });

  it('finishes promptly and names the problem of each file', async () => {
    const started = Date.now();
    const result = await promisify(execFile)(
      process.execPath,
      [bin, 'lint', 'hostile', '--format', 'json'],
      { cwd: dir.path, maxBuffer: 16 * 1024 * 1024 },
    ).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    const ms = Date.now() - started;
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout) as Array<{
      file: string;
      line: number;
      column: number;
      message: string;
    }>;
    const byFile = Object.fromEntries(
      problems.map(p => [p.file.replace(/\\/g, '/'), p]),
    );
    expect(byFile).toEqual({
      'hostile/nested-keys.yaml': expect.objectContaining({
        line: 1,
        message: expect.stringMatching(/nesting is deeper than 100 levels/),
      }),
      'hostile/many-keys.yaml': expect.objectContaining({
        message: expect.stringMatching(
          /more than 100000 keys and values|took longer than/,
        ),
      }),
      'hostile/map-keys.yaml': expect.objectContaining({
        line: 1,
        column: 3,
        message: expect.stringMatching(/a map key is itself a map or a list/),
      }),
      'hostile/laughs.yaml': expect.objectContaining({
        message: expect.stringMatching(/alias bomb/),
      }),
    });
    // Before the limited reader: 61 s, and three of the four files passed
    // (their map keys stringified); now under 2 s, most of it starting Node.
    expect(ms).toBeLessThan(20_000);
  });
});

import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { componentYaml, createTempDir } from './__testUtils__';

const bin = resolve(__dirname, '../bin/golden-paths');

async function run(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [bin, ...args],
      { cwd },
    );
    return { code: 0, stdout, stderr };
  } catch (error: any) {
    if (typeof error.code !== 'number') {
      throw error;
    }
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

// End to end through bin/golden-paths, as `npx golden-paths` runs it.
describe('bin/golden-paths', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;

  beforeAll(async () => {
    dir = await createTempDir();
    await dir.write({
      'good.yaml': componentYaml(),
      'bad.yaml': componentYaml().replace(
        '  owner: group:default/team-a\n',
        '',
      ),
      'broken.yaml': 'kind: [\n\tx: }\n',
      'binary.yaml': Buffer.from([0, 1, 2, 3]),
    });
  });

  afterAll(async () => {
    await dir.cleanup();
  });

  it('lints, prints problems and exits 1 without a stack trace', async () => {
    const result = await run(['lint', '.'], dir.path);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'bad.yaml:5:1: spec.owner is required (spec.owner)\n',
    );
    expect(result.stdout).toContain('binary.yaml:1:1: file is binary');
    expect(result.stdout).toMatch(/^broken\.yaml:\d+:\d+: /m);
    expect(result.stderr).toBe('✖ 4 problems in 3 files (4 files checked)\n');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /);
  });

  it('exits 0 on clean files and 2 on usage errors', async () => {
    expect((await run(['lint', 'good.yaml'], dir.path)).code).toBe(0);
    const usage = await run(['lint', '--format', 'xml', 'good.yaml'], dir.path);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Allowed choices are text, json/);
  });

  it('prints JSON with --format json', async () => {
    const result = await run(
      ['lint', 'bad.yaml', '--format', 'json'],
      dir.path,
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: 'bad.yaml',
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 5,
        message: 'spec.owner is required',
        field: 'spec.owner',
        severity: 'error',
      },
    ]);
  });

  it('prints the schema', async () => {
    const result = await run(['schema'], dir.path);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).allOf).toHaveLength(10);
  });
});

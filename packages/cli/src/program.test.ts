import { version } from '../package.json';
import { captureIo } from './__testUtils__';
import { runCli } from './program';

const argv = (...args: string[]) => ['node', 'golden-paths', ...args];

describe('runCli', () => {
  it('prints the version', async () => {
    const { io, stdout } = captureIo(process.cwd());
    expect(await runCli(argv('--version'), io)).toBe(0);
    expect(stdout()).toBe(`${version}\n`);
  });

  it('prints help with exit code 0', async () => {
    const { io, stdout } = captureIo(process.cwd());
    expect(await runCli(argv('--help'), io)).toBe(0);
    expect(stdout()).toContain('lint [options] <paths...>');
    expect(stdout()).toContain('schema [options]');
  });

  it.each([
    [[], /Usage: golden-paths/],
    [['lint'], /missing required argument 'paths'/],
    [['lint', 'x.yaml', '--format', 'xml'], /Allowed choices are text, json/],
    [['lint', '--bogus', 'x.yaml'], /unknown option '--bogus'/],
    [
      ['schema', '--kind', 'Widget'],
      /Allowed choices are GoldenPath, Template, all/,
    ],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 on the usage error %j', async (args, message) => {
    const { io, stderr } = captureIo(process.cwd());
    expect(await runCli(argv(...args), io)).toBe(2);
    expect(stderr()).toMatch(message);
  });
});

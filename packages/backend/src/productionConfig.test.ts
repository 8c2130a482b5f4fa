/*
 * The production configuration, checked the way the backend will read it:
 * app-config.yaml with app-config.production.yaml on top, every environment
 * variable set to a sample value, validated by `backstage-cli config:check
 * --strict` against the config schema of every package in the workspace and
 * their dependencies (without --strict, schema errors are only printed).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Two CLI runs at once, each loading every package's schema: ~20 s on an
// idle 2-core machine, several times that under a full test run.
jest.setTimeout(180_000);

const root = resolve(__dirname, '../../..');
const cli = require.resolve('@backstage/cli/bin/backstage-cli');
const productionFile = join(root, 'app-config.production.yaml');

const sampleEnv: Record<string, string> = {
  BACKSTAGE_BASE_URL: 'https://portal.example.com',
  POSTGRES_HOST: 'postgres.example.com',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 'sample-password',
  GITHUB_TOKEN: 'sample-github-token',
  AUTH_GITHUB_CLIENT_ID: 'sample-client-id',
  AUTH_GITHUB_CLIENT_SECRET: 'sample-client-secret',
  CATALOG_LOCATION:
    'https://github.com/example/platform/blob/main/catalog/all.yaml',
};

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function backstageCli(args: string[]): Promise<CliResult> {
  return new Promise(done => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd: root,
        // Only the sample values: a variable of the developer's shell must
        // not stand in for one the test forgot.
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...sampleEnv },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        done({
          code: error ? Number(error.code ?? 1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

const configArgs = (...extra: string[]) =>
  ['app-config.yaml', 'app-config.production.yaml', ...extra].flatMap(file => [
    '--config',
    file,
  ]);

describe('app-config.production.yaml', () => {
  it('names every environment variable it reads in its header, and the test sets each', () => {
    const text = readFileSync(productionFile, 'utf8');
    const used = [...text.matchAll(/\$\{(\w+)\}/g)].map(m => m[1]);
    const header = text.slice(0, text.search(/^\w/m));
    for (const name of new Set(used)) {
      expect(header).toContain(name);
      expect(sampleEnv).toHaveProperty(name);
    }
  });

  it('matches the config schema of every package, and the check fails on a bad value', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'production-config-'));
    try {
      const bad = join(scratch, 'bad.yaml');
      writeFileSync(
        bad,
        'goldenPaths:\n  scaffolder:\n    localPublish:\n      enabled: sometimes\n',
      );
      const [good, broken] = await Promise.all([
        backstageCli(['config:check', '--strict', ...configArgs()]),
        backstageCli(['config:check', '--strict', ...configArgs(bad)]),
      ]);
      // stderr first, so a failure shows the schema's messages.
      expect(good.stderr).not.toContain('does not match schema');
      expect(good.code).toBe(0);
      // The same check, one wrong value on top: it fails and names the key.
      expect(broken.code).not.toBe(0);
      expect(broken.stderr).toContain('/goldenPaths/scaffolder/localPublish');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('describes the deployment: PostgreSQL, the public URL, GitHub sign-in and integration, no local publishing', async () => {
    const printed = await backstageCli([
      'config:print',
      '--with-secrets',
      '--format',
      'json',
      ...configArgs(),
    ]);
    expect(printed.code).toBe(0);
    const config = JSON.parse(printed.stdout);

    expect(config.app.baseUrl).toBe(sampleEnv.BACKSTAGE_BASE_URL);
    expect(config.backend.baseUrl).toBe(sampleEnv.BACKSTAGE_BASE_URL);
    expect(config.backend.cors.origin).toBe(sampleEnv.BACKSTAGE_BASE_URL);
    expect(config.backend.database).toEqual({
      client: 'pg',
      connection: {
        host: sampleEnv.POSTGRES_HOST,
        port: sampleEnv.POSTGRES_PORT,
        user: sampleEnv.POSTGRES_USER,
        password: sampleEnv.POSTGRES_PASSWORD,
      },
    });
    expect(config.backend.auth.pluginKeyStore).toEqual({ type: 'database' });

    expect(config.auth.environment).toBe('production');
    expect(config.auth.providers.github.production).toEqual({
      clientId: sampleEnv.AUTH_GITHUB_CLIENT_ID,
      clientSecret: sampleEnv.AUTH_GITHUB_CLIENT_SECRET,
      signIn: { resolvers: [{ resolver: 'usernameMatchingUserEntityName' }] },
    });
    expect(config.integrations.github).toEqual([
      { host: 'github.com', token: sampleEnv.GITHUB_TOKEN },
    ]);

    expect(config.goldenPaths.scaffolder.localPublish.enabled).toBe(false);
    expect(config.goldenPaths.localRepositories.directories).toEqual([]);
    // Nothing of this checkout's examples is read in production.
    expect(config.catalog.locations).toEqual([
      { type: 'url', target: sampleEnv.CATALOG_LOCATION },
    ]);
  });
});

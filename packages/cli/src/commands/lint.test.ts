import fs from 'node:fs';
import { join, resolve } from 'node:path';
import { captureIo, componentYaml, createTempDir } from '../__testUtils__';
import { lintPaths } from '../lint/lintPaths';
import { lint } from './lint';

const fixtures = resolve(__dirname, '../__fixtures__');
const corpus = join(fixtures, 'corpus');
const examples = resolve(__dirname, '../../../../examples');

const GOLDEN_PATH = `apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: node-http-service
  title: Node.js HTTP service
spec:
  owner: group:default/platform-team
  category: service
  lifecycle: stable
  version: 1.0.0
  guarantees:
    - owner
    - uptime
---
apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: old-path
spec:
  lifecycle: deprecated
  category: service
  version: 1.0.0
`;

describe('golden-paths lint', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;

  beforeAll(async () => {
    dir = await createTempDir();
    await dir.write({
      'clean/a.yaml': componentYaml('a'),
      'clean/b.yaml': componentYaml('b'),
      'paths/golden-path.yaml': GOLDEN_PATH,
      'paths/bad-name.yaml': componentYaml('Bad Name'),
    });
  });

  afterAll(async () => {
    await dir.cleanup();
  });

  describe('the real-world corpus', () => {
    it('has the README that states the verdicts', () => {
      const readme = fs.readFileSync(join(corpus, 'README.md'), 'utf8');
      expect(readme).toContain('all valid, except `invalid-component.yaml`');
      expect(readme).toContain(
        'all valid `scaffolder.backstage.io/v1beta3` Templates',
      );
    });

    it('finds exactly the problem the README describes', async () => {
      const { io, stdout, stderr } = captureIo(fixtures);
      const code = await lint(['corpus'], { format: 'json' }, io);
      const problems = JSON.parse(stdout());
      expect(problems).toEqual([
        expect.objectContaining({
          file: join(
            'corpus',
            'backstage-catalog-examples',
            'invalid-component.yaml',
          ),
          line: 4,
          field: 'metadata.name',
          severity: 'error',
        }),
      ]);
      expect(code).toBe(1);
      expect(stderr()).toBe('');
    });

    it('checks all 16 files and finds every other file clean', async () => {
      const { io, stdout, stderr } = captureIo(fixtures);
      await lint(['corpus'], {}, io);
      expect(stdout().trim().split('\n')).toHaveLength(1);
      expect(stderr()).toBe('✖ 1 problem in 1 file (16 files checked)\n');
    });
  });

  it('finds no problem in the repository examples', async () => {
    // examples/ sits at the repository root; a missing directory fails here.
    const { io, stdout, stderr } = captureIo(resolve(examples, '..'));
    const code = await lint(['examples'], {}, io);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(
      /^✔ \d+ files checked, no problems \(\d+ YAML files without catalog entities skipped\)\n$/,
    );
    expect(code).toBe(0);
  });

  it('lints the catalog-info.yaml of every example repository and none of their manifests', async () => {
    const report = await lintPaths(['examples'], {
      cwd: resolve(examples, '..'),
    });
    const linted = report.reports.map(r => r.file);
    const repositories = fs
      .readdirSync(join(examples, 'repositories'), { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => entry.name);
    expect(repositories.length).toBeGreaterThan(0);
    for (const name of repositories) {
      expect(linted).toContain(
        join('examples', 'repositories', name, 'catalog-info.yaml'),
      );
    }
    expect(linted.filter(file => /[\\/]k8s[\\/]/.test(file))).toEqual([]);
    expect(report.nonCatalogFiles).toBeGreaterThan(0);
    expect(report.reports.every(r => r.problems.length === 0)).toBe(true);
  });

  it('exits 0 and says so when every file is clean', async () => {
    const { io, stdout, stderr } = captureIo(dir.path);
    expect(await lint(['clean'], {}, io)).toBe(0);
    expect(stdout()).toBe('');
    expect(stderr()).toBe('✔ 2 files checked, no problems\n');
  });

  it('prints one line per problem with path, line, column and field, and exits 1', async () => {
    const { io, stdout, stderr } = captureIo(dir.path);
    expect(await lint(['paths', 'clean'], {}, io)).toBe(1);
    expect(stdout().split('\n')).toEqual([
      expect.stringMatching(
        /^paths\/bad-name\.yaml:4:9: must be a string that is sequences of .*; got "Bad Name" \(metadata\.name\)$/,
      ),
      'paths/golden-path.yaml:9:14: must be one of supported, beta, deprecated; got "stable" (spec.lifecycle)',
      'paths/golden-path.yaml:13:7: must be one of owner, ci, sbom, image-signing, vulnerability-scan, resource-requests, autoscaling, observability, cost-labels; got "uptime" (spec.guarantees[1])',
      'paths/golden-path.yaml:19:1: spec.replacedBy is required when spec.lifecycle is deprecated (spec.replacedBy)',
      'paths/golden-path.yaml:19:1: spec.owner is required (spec.owner)',
      '',
    ]);
    expect(stderr()).toBe('✖ 5 problems in 2 files (4 files checked)\n');
  });

  it('omits the field when a problem has none', async () => {
    await dir.write({
      'tabs/t.yaml': 'kind: Component\nmetadata:\n\tname: a\n',
    });
    const { io, stdout } = captureIo(dir.path);
    await lint(['tabs/t.yaml'], {}, io);
    expect(stdout()).toBe(
      'tabs/t.yaml:3:1: Tabs are not allowed as indentation\n',
    );
  });

  it('prints a JSON array with --format json', async () => {
    const { io, stdout, stderr } = captureIo(dir.path);
    expect(
      await lint(['paths/golden-path.yaml', 'clean'], { format: 'json' }, io),
    ).toBe(1);
    const problems = JSON.parse(stdout());
    expect(problems).toHaveLength(4);
    expect(problems[0]).toEqual({
      file: 'paths/golden-path.yaml',
      line: 9,
      column: 14,
      endLine: 9,
      endColumn: 20,
      message: 'must be one of supported, beta, deprecated; got "stable"',
      field: 'spec.lifecycle',
      severity: 'error',
    });
    expect(problems[2]).toMatchObject({
      line: 19,
      column: 1,
      field: 'spec.replacedBy',
    });
    expect(stderr()).toBe('');
  });

  it('prints an empty JSON array when clean', async () => {
    const { io, stdout } = captureIo(dir.path);
    expect(await lint(['clean'], { format: 'json' }, io)).toBe(0);
    expect(JSON.parse(stdout())).toEqual([]);
  });

  it('reports a missing path as an error line and exits 1', async () => {
    const { io, stdout, stderr } = captureIo(dir.path);
    expect(await lint(['clean', 'missing.yaml'], {}, io)).toBe(1);
    expect(stdout()).toBe('missing.yaml:1:1: no such file or directory\n');
    expect(stderr()).toBe('✖ 1 path matched no file (2 files checked)\n');
  });

  it('skips a named file that is not YAML, saying so', async () => {
    await dir.write({ 'notes/README.md': '# notes\n' });
    const { io, stdout, stderr } = captureIo(dir.path);
    expect(await lint(['notes/README.md', 'clean/a.yaml'], {}, io)).toBe(0);
    expect(stdout()).toBe('');
    expect(stderr()).toBe(
      'notes/README.md: skipped, not a .yaml or .yml file\n✔ 1 file checked, no problems\n',
    );
  });

  it('accepts other kinds with --allow-kind', async () => {
    await dir.write({
      'custom/widget.yaml':
        'apiVersion: acme.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
    });
    const strict = captureIo(dir.path);
    expect(await lint(['custom/widget.yaml'], {}, strict.io)).toBe(1);
    expect(strict.stdout()).toMatch(/unknown kind "Widget"/);

    // Walked, an acme.com document is not a catalog entity unless its kind
    // is allowed; a directory of nothing else says so and fails.
    const walked = captureIo(dir.path);
    expect(await lint(['custom'], {}, walked.io)).toBe(1);
    expect(walked.stdout()).toBe(
      'custom:1:1: directory has no catalog files: its 1 YAML file holds no backstage.io or golden-paths.dev entities (name custom kinds with --allow-kind)\n',
    );

    const allowed = captureIo(dir.path);
    expect(
      await lint(['custom'], { allowKind: ['Gadget,Widget'] }, allowed.io),
    ).toBe(0);
  });

  describe('a repository with Kubernetes manifests next to its catalog file', () => {
    const DEPLOYMENT = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: orders',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: orders',
      '          image: ghcr.io/example-org/orders:1.0.0',
      '',
    ].join('\n');
    const KUSTOMIZATION = [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '  - deployment.yaml',
      '',
    ].join('\n');

    beforeAll(async () => {
      await dir.write({
        'repo/catalog-info.yaml': componentYaml('orders'),
        'repo/k8s/deployment.yaml': DEPLOYMENT,
        'repo/k8s/service.yaml':
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: orders\n',
        'repo/k8s/kustomization.yaml': KUSTOMIZATION,
        'repo/mkdocs.yml': 'site_name: orders\nnav:\n  - Home: index.md\n',
        'repo/.github/workflows/ci.yaml': 'name: CI\non: push\njobs: {}\n',
      });
    });

    it('lints the catalog file and leaves manifests, Kustomize and mkdocs files alone', async () => {
      const { io, stdout, stderr } = captureIo(dir.path);
      expect(await lint(['repo'], {}, io)).toBe(0);
      expect(stdout()).toBe('');
      expect(stderr()).toBe(
        '✔ 1 file checked, no problems (4 YAML files without catalog entities skipped)\n',
      );
    });

    it('does the same for a glob', async () => {
      const { io, stderr } = captureIo(dir.path);
      expect(await lint(['repo/**/*.y*ml'], {}, io)).toBe(0);
      expect(stderr()).toBe(
        '✔ 1 file checked, no problems (4 YAML files without catalog entities skipped)\n',
      );
    });

    it('lints a manifest named on the command line in full', async () => {
      const { io, stdout } = captureIo(dir.path);
      expect(await lint(['repo/k8s/deployment.yaml'], {}, io)).toBe(1);
      expect(stdout()).toMatch(
        /^repo\/k8s\/deployment\.yaml:2:7: unknown kind "Deployment"/,
      );
    });

    it('fails on a directory that holds no catalog file', async () => {
      const { io, stdout, stderr } = captureIo(dir.path);
      expect(await lint(['repo/k8s'], {}, io)).toBe(1);
      expect(stdout()).toBe(
        'repo/k8s:1:1: directory has no catalog files: its 3 YAML files hold no backstage.io or golden-paths.dev entities (name custom kinds with --allow-kind)\n',
      );
      expect(stderr()).toBe(
        '✖ 1 path matched no file (0 files checked, 3 YAML files without catalog entities skipped)\n',
      );
    });

    it('still reports broken YAML, catalog documents that lost their apiVersion, and catalog-info.yaml whatever its apiVersion', async () => {
      await dir.write({
        'broken-repo/catalog-info.yaml': componentYaml('orders').replace(
          'backstage.io/v1alpha1',
          'backstge.io/v1alpha1',
        ),
        'broken-repo/k8s/deployment.yaml': `${DEPLOYMENT}  replicas: [\n`,
        'broken-repo/entities/orders.yaml': componentYaml('orders').replace(
          'apiVersion: backstage.io/v1alpha1\n',
          '',
        ),
      });
      const { io, stdout } = captureIo(dir.path);
      expect(await lint(['broken-repo'], { format: 'json' }, io)).toBe(1);
      const problems: Array<{ file: string; field: string | null }> =
        JSON.parse(stdout());
      expect([...new Set(problems.map(p => p.file))]).toEqual([
        'broken-repo/catalog-info.yaml',
        'broken-repo/entities/orders.yaml',
        'broken-repo/k8s/deployment.yaml',
      ]);
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: 'broken-repo/entities/orders.yaml',
          field: 'apiVersion',
        }),
      );
    });

    it('lints only the catalog documents of a file that mixes both', async () => {
      await dir.write({
        'mixed/all-in-one.yaml': `${componentYaml(
          'Bad Name',
        )}---\n${DEPLOYMENT}`,
      });
      const { io, stdout } = captureIo(dir.path);
      expect(await lint(['mixed'], { format: 'json' }, io)).toBe(1);
      expect(JSON.parse(stdout())).toEqual([
        expect.objectContaining({
          file: 'mixed/all-in-one.yaml',
          line: 4,
          field: 'metadata.name',
        }),
      ]);
    });
  });

  it('exits 2 on a usage error', async () => {
    const badFormat = captureIo(dir.path);
    expect(await lint(['clean'], { format: 'xml' }, badFormat.io)).toBe(2);
    expect(badFormat.stderr()).toMatch(/unknown format "xml"/);

    const noPaths = captureIo(dir.path);
    expect(await lint([], {}, noPaths.io)).toBe(2);
  });
});

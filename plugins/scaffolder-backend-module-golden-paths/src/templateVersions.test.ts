import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffoldHelpers } from '@golden-paths/golden-paths-node';
import { parse, parseAllDocuments } from 'yaml';
import {
  EXAMPLES_DIR,
  type ScaffolderTestBackend,
  directoryContents,
  exampleValues,
  readExampleTemplates,
  startScaffolderTestBackend,
} from '@golden-paths/test-utils';
import scaffolderModuleGoldenPaths from './index';

/*
 * Two releases of two example templates, each revision folder dry-run on
 * the real scaffolder the way golden-paths:template:render renders it: the
 * differences between the old and the new render are what an upgrade brings
 * to a developer's repository, so they are asserted here one by one.
 */

/** Rendered files by path; `bytes` (base64) is what "byte for byte" compares. */
type Tree = Record<
  string,
  { bytes: string; content: string; executable: boolean }
>;

interface Release {
  template: string;
  from: string;
  to: string;
  renamed: { from: string; to: string; oldReference: RegExp };
  deleted: string;
  lintCommand: string;
  /** What the manifest change looks like: read off each render. */
  manifests: { read: (tree: Tree) => unknown; from: unknown; to: unknown };
}

/** One repository's scaffold context: what makes a render deterministic. */
const SCAFFOLD = scaffoldHelpers({
  seed: '5eed5eed5eed5eed5eed5eed5eed5eed',
  scaffoldedAt: '2026-03-14T09:26:53.589Z',
});

const yamlOf = (tree: Tree, path: string) => {
  if (!tree[path]) {
    throw new Error(`${path} was not rendered`);
  }
  return parse(tree[path].content);
};

const PART_OF = 'app.kubernetes.io/part-of';

const RELEASES: Release[] = [
  {
    template: 'node-http-service',
    from: '2.1.0',
    to: '2.2.0',
    renamed: {
      from: 'src/instrumentation.ts',
      to: 'src/telemetry.ts',
      oldReference: /instrumentation\.(ts|js)/,
    },
    deleted: 'tsconfig.build.json',
    lintCommand: 'npm ci && npm run lint',
    manifests: {
      read: tree =>
        yamlOf(tree, 'k8s/hpa.yaml').spec.metrics[0].resource.target,
      from: { type: 'Utilization', averageUtilization: 70 },
      to: { type: 'Utilization', averageUtilization: 60 },
    },
  },
  {
    template: 'react-frontend',
    from: '3.0.0',
    to: '3.1.0',
    renamed: {
      from: 'src/config.ts',
      to: 'src/runtimeConfig.ts',
      oldReference: /'\.\/config'|src\/config\.ts/,
    },
    deleted: 'src/vite-env.d.ts',
    lintCommand: 'npm ci && npm run lint',
    manifests: {
      // On every object and the pods, never in the immutable selector.
      read: tree => {
        const deployment = yamlOf(tree, 'k8s/deployment.yaml');
        return {
          objects: ['deployment', 'service', 'hpa', 'pdb'].map(
            kind => yamlOf(tree, `k8s/${kind}.yaml`).metadata.labels[PART_OF],
          ),
          pods: deployment.spec.template.metadata.labels[PART_OF],
          selector: deployment.spec.selector,
        };
      },
      from: {
        objects: [undefined, undefined, undefined, undefined],
        pods: undefined,
        selector: {
          matchLabels: { 'app.kubernetes.io/name': 'orders-react-frontend' },
        },
      },
      to: {
        objects: ['payments', 'payments', 'payments', 'payments'],
        pods: 'payments',
        selector: {
          matchLabels: { 'app.kubernetes.io/name': 'orders-react-frontend' },
        },
      },
    },
  },
];

describe('new versions of the example golden-path templates', () => {
  const templates = readExampleTemplates();
  let world: ScaffolderTestBackend;
  let repositories: string;
  const request: ScaffolderTestBackend['request'] = (...args) =>
    world.request(...args);

  beforeAll(async () => {
    repositories = await mkdtemp(join(tmpdir(), 'golden-paths-versions-'));
    world = await startScaffolderTestBackend({
      features: [scaffolderModuleGoldenPaths],
      config: {
        goldenPaths: {
          scaffolder: { localPublish: { directory: repositories } },
        },
      },
    });
  });

  afterAll(async () => {
    await world?.backend.stop();
    await rm(repositories, { recursive: true, force: true });
  });

  async function goldenPath(name: string) {
    const text = await readFile(
      join(EXAMPLES_DIR, 'golden-paths.yaml'),
      'utf8',
    );
    const path = parseAllDocuments(text)
      .map(document => document.toJS())
      .find(entity => entity?.metadata?.name === name);
    expect(path).toBeDefined();
    return path;
  }

  /** Renders `versions/<version>/` as golden-paths:template:render does. */
  async function render(
    name: string,
    version: string,
    options: { scaffold?: typeof SCAFFOLD; system?: string } = {},
  ): Promise<Tree> {
    const { scaffold = SCAFFOLD, system = 'system:default/payments' } = options;
    const template = templates.find(t => t.name === name)!;
    const dir = join(template.dir, 'versions', version);
    const path = await goldenPath(name);
    const { status, body } = await request(
      'POST',
      '/api/scaffolder/v2/dry-run',
      {
        template: parse(await readFile(join(dir, 'template.yaml'), 'utf8')),
        values: {
          ...exampleValues(template, `orders-${name}`.slice(0, 40)),
          ...(system ? { system } : {}),
          goldenPath: {
            entityRef: `goldenpath:default/${name}`,
            version,
            title: path.metadata.title,
            guarantees: path.spec.guarantees,
            template: `template:default/${name}`,
          },
          scaffold,
        },
        directoryContents: directoryContents(dir),
      },
    );
    const failures = (body?.log ?? [])
      .filter((entry: any) => entry.body?.status === 'failed')
      .map((entry: any) => entry.body?.message);
    // On a 4xx the body says which action refused which input.
    expect({
      status,
      failures,
      error: status < 400 ? undefined : body?.error?.message,
    }).toEqual({
      status: 200,
      failures: [],
    });
    return Object.fromEntries(
      body.directoryContents.map((file: any) => [
        file.path,
        {
          bytes: file.base64Content,
          content: Buffer.from(file.base64Content, 'base64').toString('utf8'),
          executable: file.executable ?? false,
        },
      ]),
    );
  }

  describe.each(RELEASES.map(r => [`${r.template} ${r.from} → ${r.to}`, r]))(
    '%s',
    (_title, release) => {
      let from: Tree;
      let to: Tree;

      beforeAll(async () => {
        from = await render(release.template, release.from);
        to = await render(release.template, release.to);
      }, 120_000);

      it('moves the renamed file, content and all, and nothing refers to its old name', () => {
        const { renamed } = release;
        expect(Object.keys(from)).toContain(renamed.from);
        expect(Object.keys(to)).not.toContain(renamed.from);
        // Same bytes, so an upgrade can tell the rename from a delete and an add.
        expect(to[renamed.to]).toEqual(from[renamed.from]);
        expect(Object.keys(from)).not.toContain(renamed.to);
        const referrers = Object.entries(to)
          .filter(([, file]) => renamed.oldReference.test(file.content))
          .map(([path]) => path);
        expect(referrers).toEqual([]);
      });

      it('drops the deleted file, and nothing refers to it', () => {
        expect(Object.keys(from)).toContain(release.deleted);
        expect(Object.keys(to)).not.toContain(release.deleted);
        const basename = release.deleted.split('/').pop()!;
        const referrers = Object.entries(to)
          .filter(([, file]) => file.content.includes(basename))
          .map(([path]) => path);
        expect(referrers).toEqual([]);
      });

      it('adds a lint job to CI that the image build waits for', () => {
        const before = yamlOf(from, '.github/workflows/ci.yaml');
        const after = yamlOf(to, '.github/workflows/ci.yaml');
        expect(Object.keys(before.jobs)).toEqual(['test', 'build-and-push']);
        expect(before.jobs['build-and-push'].needs).toEqual(['test']);
        expect(Object.keys(after.jobs)).toEqual([
          'test',
          'lint',
          'build-and-push',
        ]);
        expect(
          after.jobs.lint.steps.find((s: any) => s.id === 'lint').run,
        ).toBe(release.lintCommand);
        expect(after.jobs['build-and-push'].needs).toEqual(['test', 'lint']);
        // The supply-chain gates themselves are unchanged.
        expect(after.jobs['build-and-push'].steps).toEqual(
          before.jobs['build-and-push'].steps,
        );
      });

      it('changes the Kubernetes manifests', () => {
        const { read } = release.manifests;
        expect(read(from)).toEqual(release.manifests.from);
        expect(read(to)).toEqual(release.manifests.to);
      });

      it("records the version and the repository's scaffold date", () => {
        expect(
          yamlOf(to, 'catalog-info.yaml').metadata.annotations,
        ).toMatchObject({ 'golden-paths.dev/path-version': release.to });
        expect(to['README.md'].content).toContain(SCAFFOLD.date);
        expect(to['README.md'].content).toContain(`version ${release.to}`);
        expect(from['README.md'].content).not.toContain(SCAFFOLD.date);
      });

      it('renders byte for byte the same tree again from the same values', async () => {
        const again = await render(release.template, release.to);
        expect(again).toEqual(to);

        // ...and only the date moves when another repository is scaffolded
        // on another day, so the date does come from the scaffold context.
        const otherDay = await render(release.template, release.to, {
          scaffold: scaffoldHelpers({
            seed: '0123456789abcdef0123456789abcdef',
            scaffoldedAt: '2027-01-02T03:04:05.000Z',
          }),
        });
        expect(Object.keys(otherDay).sort()).toEqual(Object.keys(to).sort());
        const changed = Object.keys(to).filter(
          path => otherDay[path]?.content !== to[path].content,
        );
        expect(changed).toEqual(['README.md']);
        expect(otherDay['README.md'].content).toContain('2027-01-02');
      }, 60_000);

      it('renders without the optional system, and then labels nothing part-of', async () => {
        const withoutSystem = await render(release.template, release.to, {
          system: '',
        });
        const labelled = Object.entries(withoutSystem)
          .filter(([, file]) => file.content.includes(PART_OF))
          .map(([path]) => path);
        expect(labelled).toEqual([]);
        expect(Object.keys(withoutSystem).sort()).toEqual(
          Object.keys(to).sort(),
        );
      }, 60_000);
    },
  );
});

import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import goldenPathsBackend from '@golden-paths/golden-paths-backend';
import scaffolderModuleGoldenPaths from '@golden-paths/scaffolder-backend-module-golden-paths';
import {
  EXAMPLES_DIR,
  type ScaffolderTestBackend,
  runScaffolderTask,
  startScaffolderTestBackend,
  upgradeTestConfig,
  waitFor,
} from '@golden-paths/test-utils';
import { stringify } from 'yaml';
import {
  SECRET_FILE,
  SECRET_NOTES,
  put,
  putFollower,
  putRevision,
  renderingTemplate,
} from './__testUtils__/hostFileFixtures';

/*
 * The backend's own files, as an attacker tries to reach them through
 * templates: entities registered from a URL (a Git host; here a small HTTP
 * server the backend may read) name a folder of the host as their template
 * revisions, the root of the file system, or a file of the host as their
 * source location. Another team's private template folder on the host holds
 * the secrets. The plan endpoint and the scaffolder must refuse, promptly,
 * and never show them; a template registered from the app's own catalog
 * locations still renders.
 */

describe('host files through templates', () => {
  let world: ScaffolderTestBackend;
  let server: Server;
  let workdir: string;
  const served = new Map<string, string>();
  const request: ScaffolderTestBackend['request'] = (...args) =>
    world.request(...args);

  async function runTask(templateRef: string, version: string) {
    const { task, status, events } = await runScaffolderTask(
      request,
      templateRef,
      { version },
    );
    return {
      status,
      log: events.map(e => e.body?.message ?? '').join('\n'),
      everything: JSON.stringify([task, events]),
    };
  }

  beforeAll(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'golden-paths-host-files-'));
    const privateTeam = join(workdir, 'private-team');
    const trusted = join(workdir, 'platform-templates');
    const repositories = join(workdir, 'repositories');

    // Another team's template on the host, never registered by this app.
    await put(
      join(privateTeam, 'template.yaml'),
      stringify(renderingTemplate('private', {})),
    );
    for (const version of ['1.0.0', '2.0.0']) {
      await putRevision(
        join(privateTeam, 'versions', version),
        SECRET_FILE,
        SECRET_NOTES,
      );
    }

    // The platform team's template, registered by the app's configuration.
    await put(
      join(trusted, 'good-template/template.yaml'),
      stringify(renderingTemplate('good-template', {})),
    );
    await putRevision(
      join(trusted, 'good-template/versions/2.0.0'),
      'rendered-from-the-trusted-folder',
      'Notes of 2.0.0',
    );
    // A trusted template too large to read: more files than allowed.
    await put(
      join(trusted, 'big-template/template.yaml'),
      stringify(renderingTemplate('big-template', {})),
    );
    await putRevision(join(trusted, 'big-template/versions/2.0.0'), 'big', '');
    for (let i = 0; i < 30; i += 1) {
      await put(join(trusted, `big-template/versions/2.0.0/skeleton/${i}`), '');
    }
    // A link planted in a trusted folder does not lead out of it.
    await symlink(
      join(privateTeam, 'versions/2.0.0'),
      join(trusted, 'good-template/versions/3.0.0'),
    );

    const privateRevisions = `${pathToFileURL(privateTeam)}/versions/{version}`;
    served.set(
      '/catalog.yaml',
      stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Location',
        metadata: { name: 'attacker' },
        spec: {
          targets: [
            './path.yaml',
            './evil-template.yaml',
            './evil-source.yaml',
            './evil-root.yaml',
            './evil-installed.yaml',
            './followers.yaml',
          ],
        },
      }),
    );
    served.set(
      '/path.yaml',
      stringify({
        apiVersion: 'golden-paths.dev/v1alpha1',
        kind: 'GoldenPath',
        metadata: { name: 'evil-path', title: 'Evil path' },
        spec: {
          owner: 'group:default/platform-team',
          lifecycle: 'supported',
          category: 'service',
          version: '2.0.0',
          templates: [
            'template:default/evil-template',
            'template:default/evil-root',
            'template:default/evil-installed',
          ],
        },
      }),
    );
    served.set(
      '/evil-template.yaml',
      stringify(
        renderingTemplate('evil-template', {
          'golden-paths.dev/template-revisions': privateRevisions,
        }),
      ),
    );
    served.set(
      '/evil-source.yaml',
      stringify(
        renderingTemplate('evil-source', {
          'backstage.io/source-location': `file:${join(
            privateTeam,
            'template.yaml',
          )}`,
        }),
      ),
    );
    served.set(
      '/evil-root.yaml',
      stringify(
        renderingTemplate('evil-root', {
          'golden-paths.dev/template-revisions': 'file:///?{version}',
        }),
      ),
    );
    // The backend's installed packages: a folder of the host with many files.
    const installed = join(
      dirname(
        require.resolve('@backstage/plugin-scaffolder-backend/package.json'),
      ),
      '../..',
    );
    served.set(
      '/evil-installed.yaml',
      stringify(
        renderingTemplate('evil-installed', {
          'golden-paths.dev/template-revisions': `${pathToFileURL(
            installed,
          )}/?{version}`,
        }),
      ),
    );
    served.set(
      '/followers.yaml',
      [
        await putFollower(repositories, 'victim', 'evil-template'),
        await putFollower(repositories, 'victim-root', 'evil-root'),
        await putFollower(repositories, 'victim-installed', 'evil-installed'),
      ]
        .map(entity => stringify(entity))
        .join('---\n'),
    );

    server = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/yaml' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>(resolve => server.listen(0, resolve));
    const attackerPort = (server.address() as AddressInfo).port;

    world = await startScaffolderTestBackend({
      features: [scaffolderModuleGoldenPaths, goldenPathsBackend],
      withoutLocalReader: true,
      config: {
        // Nothing about templates but where the app registers them.
        ...upgradeTestConfig({
          workdir,
          repositories,
          locations: [
            join(EXAMPLES_DIR, 'org.yaml'),
            join(trusted, 'good-template/template.yaml'),
            join(trusted, 'big-template/template.yaml'),
          ],
          goldenPaths: { templates: { maxFilesPerRevision: 20 } },
        }),
        backend: {
          reading: { allow: [{ host: `localhost:${attackerPort}` }] },
        },
      },
    });

    // Registered from anywhere: any signed-in user may add a location.
    const registered = await request('POST', '/api/catalog/locations', {
      type: 'url',
      target: `http://localhost:${attackerPort}/catalog.yaml`,
    });
    if (registered.status !== 201) {
      throw new Error(
        `Registering the attacker's location answered ${registered.status}`,
      );
    }
    await waitFor(
      "the attacker's entities and the platform team's template",
      async () =>
        (
          await request(
            'GET',
            '/api/catalog/entities/by-query?filter=kind=goldenpath,kind=template,kind=component&limit=100',
          )
        ).body?.items?.length ?? 0,
      count => count >= 10,
      120_000,
    );
  }, 180_000);

  afterAll(async () => {
    await world?.backend.stop();
    await new Promise(resolve => server?.close(resolve));
    await rm(workdir, { recursive: true, force: true });
  });

  it('refuses a plan whose template names a folder of the host as its revisions, and shows none of it', async () => {
    const { status, body } = await request(
      'GET',
      '/api/golden-paths/entities/component/default/victim/upgrade',
    );
    const text = JSON.stringify(body);
    expect(text).not.toContain(SECRET_NOTES);
    expect(text).not.toContain(SECRET_FILE);
    expect(status).toBe(403);
    expect(body.error.message).toMatch(
      /reads its revisions through the URL readers, never from the backend's files/,
    );
  }, 120_000);

  it.each([
    ['the root of the file system', 'victim-root'],
    ["the backend's installed packages", 'victim-installed'],
  ])(
    'answers a plan whose template names %s promptly, with an error',
    async (_, component) => {
      const rssBefore = process.memoryUsage().rss;
      const started = Date.now();
      const { status, body } = await request(
        'GET',
        `/api/golden-paths/entities/component/default/${component}/upgrade`,
      );
      const elapsedMs = Date.now() - started;
      const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
      expect({ status, message: body.error?.message }).toEqual({
        status: 403,
        message: expect.stringMatching(/never from the backend's files/),
      });
      // Before: the backend walked the folder and read every file of it.
      expect(elapsedMs).toBeLessThan(15_000);
      expect(rssGrowthMb).toBeLessThan(200);
    },
    120_000,
  );

  it('refuses to render, in the scaffolder, revisions from a folder of the host', async () => {
    const task = await runTask('template:default/evil-template', '2.0.0');
    expect(task.everything).not.toContain(SECRET_FILE);
    expect(task.everything).not.toContain(SECRET_NOTES);
    expect(task.status).toBe('failed');
    expect(task.log).toMatch(/never from the backend's files/);
  }, 180_000);

  it('never reads the file a template names as its source location', async () => {
    const task = await runTask('template:default/evil-source', '2.0.0');
    expect(task.everything).not.toContain(SECRET_FILE);
    expect(task.everything).not.toContain(SECRET_NOTES);
    expect(task.status).toBe('failed');
  }, 180_000);

  it("renders the platform team's template from the folder the configuration registers", async () => {
    const task = await runTask('template:default/good-template', '2.0.0');
    expect({ status: task.status, log: task.log }).toEqual({
      status: 'completed',
      log: expect.stringContaining('rendered-from-the-trusted-folder'),
    });
  }, 180_000);

  it('refuses a revision larger than its limit, naming the key', async () => {
    const task = await runTask('template:default/big-template', '2.0.0');
    expect(task.status).toBe('failed');
    expect(task.log).toMatch(
      /larger than goldenPaths\.templates\.maxFilesPerRevision \(20\)/,
    );
    expect(task.log).not.toContain(workdir);
  }, 180_000);

  it("does not follow a link out of the template's folder", async () => {
    const task = await runTask('template:default/good-template', '3.0.0');
    expect(task.everything).not.toContain(SECRET_FILE);
    expect(task.status).toBe('failed');
    expect(task.log).toMatch(
      /outside its parent|outside its template's folder/,
    );
  }, 180_000);
});

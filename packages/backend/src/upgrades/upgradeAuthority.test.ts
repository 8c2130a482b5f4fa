import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  type BackstageCredentials,
  type BackstageUserPrincipal,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { SCAFFOLD_RECORD_PATH } from '@golden-paths/golden-paths-node';
import {
  type ScaffolderTestBackend,
  runScaffolderTask,
} from '@golden-paths/test-utils';
import { stringify } from 'yaml';
import { git } from './__testUtils__/git';
import {
  UPGRADE_EXAMPLE_FILES,
  copyUpgradeExamples,
  hasComponent,
  releasePathVersion,
  scaffoldExample,
  startUpgradeBackend,
} from './__testUtils__/upgradeScenario';

/*
 * An upgrade acts only within the permissions of the user who starts it,
 * and renders only a template the catalog vouches for: through the real
 * catalog, scaffolder and Golden Paths backends, with a permission policy
 * that denies mallory golden-paths.upgrade.create, and two "canary"
 * templates whose revision steps report whenever they run.
 */

const MALLORY = 'user:default/mallory';
const BRANCH = 'golden-paths/upgrade-node-http-service';

function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as Partial<BackstageUserPrincipal>;
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

/** Everyone may do everything, except mallory running upgrades. */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => ({
    async authorize(requests, { credentials }) {
      return requests.map(({ permission }) => ({
        result:
          userOf(credentials) === MALLORY &&
          permission.name === 'golden-paths.upgrade.create'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
  }),
});

/** Which templates' steps ran, in dry runs included. */
const canaryRuns: string[] = [];

const canaryActionModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'test-canary',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createTemplateAction({
            id: 'test:canary',
            supportsDryRun: true,
            schema: { input: { template: z => z.string() } },
            async handler(ctx) {
              canaryRuns.push(ctx.input.template);
            },
          }),
        );
      },
    });
  },
});

/** A registered template whose every revision only runs the canary. */
function canaryTemplate(name: string) {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name },
    spec: {
      owner: 'group:default/platform-team',
      type: 'service',
      steps: [
        { id: 'canary', action: 'test:canary', input: { template: name } },
      ],
    },
  };
}

describe('the authority of an upgrade', () => {
  let world: ScaffolderTestBackend;
  let workdir: string;
  let repositories: string;
  let repository: string;

  const request: ScaffolderTestBackend['request'] = (...args) =>
    world.request(...args);
  const asMallory: ScaffolderTestBackend['request'] = (...args) =>
    world.requestAs(MALLORY)(...args);

  /** Runs a template to its end and returns its status, error and output. */
  async function runTask(
    call: typeof request,
    templateRef: string,
    values: Record<string, unknown>,
  ) {
    const { status, events } = await runScaffolderTask(
      call,
      templateRef,
      values,
      180_000,
    );
    return {
      status,
      errors: events
        .filter(e => e.body?.status === 'failed' || e.body?.error)
        .map(e => e.body?.error?.message ?? e.body?.message),
      output: events.find(e => e.type === 'completion')?.body?.output,
    };
  }

  const branches = () => git(repository, 'branch', '--list', 'golden-paths/*');
  /** The upgrade branch's commit, or '' when there is none. */
  const branchCommit = () =>
    git(
      repository,
      'for-each-ref',
      '--format=%(objectname)',
      `refs/heads/${BRANCH}`,
    ).trim();

  beforeAll(async () => {
    ({ workdir, repositories } = await copyUpgradeExamples(
      'golden-paths-authority-',
    ));
    repository = join(repositories, 'orders-api');
    const canaries = ['canary-listed', 'canary-unlisted'];
    for (const version of ['2.1.0', '2.2.0']) {
      await mkdir(join(workdir, `templates/canary/versions/${version}`), {
        recursive: true,
      });
      await writeFile(
        join(workdir, `templates/canary/versions/${version}/template.yaml`),
        stringify(canaryTemplate('canary')),
      );
    }
    await writeFile(
      join(workdir, 'templates/canary/template.yaml'),
      canaries.map(name => stringify(canaryTemplate(name))).join('---\n'),
    );
    world = await startUpgradeBackend({
      workdir,
      repositories,
      features: [canaryActionModule, permissionsFactory],
      locations: [
        ...UPGRADE_EXAMPLE_FILES,
        'templates/node-http-service/template.yaml',
        'templates/canary/template.yaml',
      ],
      entities: 11,
    });

    // orders-api is scaffolded at 2.1.0; then the path moves to 2.2.0 and
    // lists canary-listed among its templates.
    await scaffoldExample(request, 'node-http-service', 'orders-api');
    await releasePathVersion(request, workdir, '2.2.0', {
      edit: text =>
        text.replace(
          '    - template:default/node-http-service\n',
          '    - template:default/node-http-service\n    - template:default/canary-listed\n',
        ),
      until: async spec =>
        spec.templates?.length === 2 &&
        (await hasComponent(request, 'orders-api')),
    });
  }, 300_000);

  afterAll(async () => {
    await world?.backend.stop();
    await rm(workdir, { recursive: true, force: true });
  });

  it('refuses the upgrade template to a user denied golden-paths.upgrade.create, and runs it for one allowed', async () => {
    const denied = await runTask(
      asMallory,
      'template:default/golden-paths-upgrade',
      { component: 'component:default/orders-api' },
    );
    expect(denied.status).toBe('failed');
    expect(denied.errors.join('\n')).toMatch(
      'You may not run golden-path upgrades (golden-paths.upgrade.create)',
    );
    expect(branches()).toBe('');

    // Planning needs only read access, as on the API.
    const planned = await runTask(
      asMallory,
      'template:default/golden-paths-upgrade',
      { component: 'component:default/orders-api', planOnly: true },
    );
    expect(planned.status).toBe('completed');
    expect(branches()).toBe('');

    const allowed = await runTask(
      request,
      'template:default/golden-paths-upgrade',
      { component: 'component:default/orders-api' },
    );
    expect(allowed.status).toBe('completed');
    expect(branches()).toContain(BRANCH);
  }, 600_000);

  it('refuses to plan with a template the catalog does not give the component, and never runs its steps', async () => {
    const recordFile = join(repository, SCAFFOLD_RECORD_PATH);
    const record = await readFile(recordFile, 'utf8');
    const branchBefore = branchCommit();
    const head = git(repository, 'rev-parse', 'HEAD').trim();
    const plan = () =>
      request(
        'GET',
        '/api/golden-paths/entities/component/default/orders-api/upgrade',
      );
    const naming = async (templateRef: string) => {
      expect(record).toContain(
        'entityRef: template:default/node-http-service\n',
      );
      await writeFile(
        recordFile,
        record.replace(
          'entityRef: template:default/node-http-service\n',
          `entityRef: ${templateRef}\n`,
        ),
      );
      git(repository, 'commit', '-qam', `Record names ${templateRef}`);
    };

    try {
      // Not one of the path's templates.
      await naming('template:default/canary-unlisted');
      const unlisted = await plan();
      expect(canaryRuns).toEqual([]);
      expect(unlisted.status).toBe(409);
      expect(unlisted.body.error.message).toBe(
        '.golden-paths/scaffold.yaml in the repository of component:default/orders-api: template.entityRef template:default/canary-unlisted is not one of the templates of goldenpath:default/node-http-service (spec.templates: template:default/node-http-service, template:default/canary-listed), so the upgrade will not render with it',
      );
      // Nor will running it.
      const run = await request(
        'POST',
        '/api/golden-paths/entities/component/default/orders-api/upgrade',
      );
      expect(run.status).toBe(409);

      // One of the path's templates, but not the component's source template.
      await naming('canary-listed');
      const listed = await plan();
      expect(listed.status).toBe(409);
      expect(listed.body.error.message).toBe(
        ".golden-paths/scaffold.yaml in the repository of component:default/orders-api: template.entityRef template:default/canary-listed disagrees with the component's backstage.io/source-template annotation in the catalog (template:default/node-http-service), so the upgrade will not render with it",
      );

      expect(canaryRuns).toEqual([]);
      expect(branchCommit()).toBe(branchBefore);
    } finally {
      git(repository, 'reset', '-q', '--hard', head);
    }
  }, 300_000);
});

import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  type TestBackend,
} from '@backstage/backend-test-utils';
import type {
  EntityResult,
  FollowerResult,
  HistoryResponse,
  PathDetails,
  PathSummary,
  PathUpgradePlans,
} from '@golden-paths/golden-paths-common';
import {
  CONDITIONAL_FOLLOWERS,
  CONDITIONAL_ORG_YAML,
  CONDITIONAL_PATHS,
  CONDITIONAL_PATHS_YAML,
  conditionalRepositories,
  type FixtureFollower,
  type FixturePath,
  ORPHAN_FOLLOWER,
} from './__testUtils__/conditionalCatalog';
import {
  ALL,
  byRef,
  componentRef,
  expectedFigures,
  expectedPlans,
  isCompliant,
  pathRefOf,
  POLICIES,
  secretsOf,
  viewersOf,
  viewOf,
} from './__testUtils__/conditionalExpectations';
import {
  catalogModuleIsInSystemRule,
  CONDITIONAL_USERS as U,
  conditionalPermissionsFactory,
} from './__testUtils__/conditionalPolicy';
import {
  allFollowPaths,
  evaluateNow,
  REAL_WORK_TIMEOUT_MS,
  startGoldenPathsBackend,
  waitForCatalog,
  writeTestCatalog,
} from './__testUtils__/testBackend';

// A real catalog ingests a dozen entities and the evaluation reads ten
// repositories before the first test, on a shared 2-core machine.
jest.setTimeout(2 * REAL_WORK_TIMEOUT_MS);

/** Followers one bulk upgrade planning lists; the rest are `omitted`. */
const MAX_PLANNED = 1;
const NO_PATH = 'no-such-path';
const NO_COMPONENT = 'no-such-component';

/** A path's figures over `followers`. */
function expectFigures(
  actual: PathSummary,
  path: FixturePath,
  followers: FixtureFollower[],
) {
  const expected = expectedFigures(path, followers);
  expect(actual).toMatchObject(expected.summary);
  expect(
    actual.checks.map(({ id, pass, fail, unknown, passRatio }) => ({
      id,
      pass,
      fail,
      unknown,
      passRatio,
    })),
  ).toEqual(expected.checks);
}

/** A path's figures and the versions its `followers` are on. */
function expectDetails(
  actual: PathDetails,
  path: FixturePath,
  followers: FixtureFollower[],
) {
  expectFigures(actual, path, followers);
  expect(
    [...actual.versions].sort((a, b) => byRef(a.version, b.version)),
  ).toEqual(expectedFigures(path, followers).versions);
}

describe('golden-paths routes under conditional catalog permissions', () => {
  const mockDir = createMockDirectory();
  let backend: TestBackend;
  let baseUrl: string;

  interface Answer<T = any> {
    route: string;
    status: number;
    body: T;
    text: string;
  }

  async function call<T = any>(
    route: string,
    user: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<Answer<T>> {
    const response = await fetch(`${baseUrl}/api/golden-paths${route}`, {
      method: options.method ?? 'GET',
      headers: {
        Authorization: mockCredentials.user.header(user),
        ...(options.body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { route, status: response.status, body, text };
  }

  /** Every page of a list, following `nextCursor`. */
  async function allPages<T>(route: string, user: string) {
    const pages: Array<Answer<{ items: T[]; nextCursor?: string }>> = [];
    let cursor: string | undefined;
    do {
      const separator = route.includes('?') ? '&' : '?';
      const page = await call<{ items: T[]; nextCursor?: string }>(
        cursor
          ? `${route}${separator}cursor=${encodeURIComponent(cursor)}`
          : route,
        user,
      );
      expect({ route: page.route, status: page.status }).toEqual({
        route: page.route,
        status: 200,
      });
      pages.push(page);
      cursor = page.body.nextCursor;
      if (pages.length > 20) {
        throw new Error(`${route} never ends`);
      }
    } while (cursor);
    return pages;
  }

  /**
   * What a caller notices of an error: its status, name and message, with
   * the names in `names` replaced by placeholders so that answers about
   * different entities compare.
   */
  function noticed(answer: Answer, names: string[]) {
    let text = JSON.stringify({
      status: answer.status,
      name: answer.body?.error?.name,
      message: answer.body?.error?.message,
    });
    names.forEach((name, i) => {
      text = text.split(name).join(`<name ${i}>`);
    });
    return JSON.parse(text);
  }

  /** Asserts two answers look the same but for the names of what they are about. */
  function expectSameAnswer(
    actual: Answer,
    actualNames: string[],
    reference: Answer,
    referenceNames: string[],
  ) {
    expect(actual.status).toBeGreaterThanOrEqual(400);
    expect({ route: actual.route, ...noticed(actual, actualNames) }).toEqual({
      route: actual.route,
      ...noticed(reference, referenceNames),
    });
  }

  beforeAll(async () => {
    const running = await startGoldenPathsBackend({
      features: [
        catalogModuleIsInSystemRule,
        conditionalPermissionsFactory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
      repositories: mockDir.resolve('repos'),
      goldenPaths: {
        upgrades: {
          maxFollowersPerRequest: MAX_PLANNED,
          rateLimit: { burst: 10_000, perMinute: 10_000 },
        },
      },
      locations: writeTestCatalog(mockDir, {
        org: CONDITIONAL_ORG_YAML,
        paths: CONDITIONAL_PATHS_YAML,
        repositories: conditionalRepositories(),
      }),
    });
    ({ backend, baseUrl } = running);
    // Every component related to its path, and every path, before evaluating.
    await waitForCatalog(running, {
      user: U.admin,
      filter: 'filter=kind=component&filter=kind=goldenpath',
      ready: items => {
        const components = items.filter(i => i.kind === 'Component');
        return (
          items.length - components.length === CONDITIONAL_PATHS.length &&
          components.length === CONDITIONAL_FOLLOWERS.length + 1 &&
          allFollowPaths(components)
        );
      },
    });
    await evaluateNow(running, U.admin);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  describe('the allow-all reference', () => {
    it('counts every follower, with the results the fixture expects of each', async () => {
      const paths = await call<{ items: PathSummary[] }>('/paths', U.admin);
      expect(paths.body.items.map(p => p.ref).sort(byRef)).toEqual(
        CONDITIONAL_PATHS.map(p => pathRefOf(p.name)).sort(byRef),
      );
      for (const path of CONDITIONAL_PATHS) {
        const summary = paths.body.items.find(
          p => p.ref === pathRefOf(path.name),
        )!;
        expectFigures(summary, path, CONDITIONAL_FOLLOWERS);
        const details = await call<PathDetails>(
          `/paths/default/${path.name}`,
          U.admin,
        );
        expectDetails(details.body, path, CONDITIONAL_FOLLOWERS);
        const history = await call<HistoryResponse>(
          `/paths/default/${path.name}/history`,
          U.admin,
        );
        expect(history.body.restricted).toBeFalsy();
        expect(history.body.items.at(-1)).toEqual({
          day: new Date().toISOString().slice(0, 10),
          adoption: expectedFigures(path, CONDITIONAL_FOLLOWERS).summary
            .adoption,
          compliant: expectedFigures(path, CONDITIONAL_FOLLOWERS).summary
            .compliant,
          complianceRatio: expectedFigures(path, CONDITIONAL_FOLLOWERS).summary
            .complianceRatio,
        });
        const plans = await call<PathUpgradePlans>(
          `/paths/default/${path.name}/upgrade-plans`,
          U.admin,
        );
        const expected = expectedPlans(
          path,
          CONDITIONAL_FOLLOWERS,
          MAX_PLANNED,
        );
        expect(
          plans.body.followers.map(f => ({
            entityRef: f.entityRef,
            version: f.version,
          })),
        ).toEqual(expected.listed);
        expect(plans.body.omitted).toBe(expected.omitted);
      }
      // The fixture's facts about each follower, which every policy's
      // expectations are computed from.
      for (const follower of CONDITIONAL_FOLLOWERS) {
        const result = await call<EntityResult>(
          `/entities/component/default/${follower.name}`,
          U.admin,
        );
        expect(result.status).toBe(200);
        expect({
          entityRef: result.body.entityRef,
          path: result.body.path.ref,
          drift: result.body.drift.status,
          compliant: result.body.compliant,
          checks: Object.fromEntries(
            result.body.checks.map(c => [c.id, c.status]),
          ),
        }).toEqual({
          entityRef: componentRef(follower.name),
          path: pathRefOf(follower.path),
          drift: follower.drift,
          compliant: isCompliant(follower),
          checks: follower.checks,
        });
      }
      // The orphan follows no path that exists: there is nothing to show.
      expect(
        (
          await call(
            `/entities/component/default/${ORPHAN_FOLLOWER.name}`,
            U.admin,
          )
        ).status,
      ).toBe(404);
    });

    it('finds the restricted path with the filters the label policy must not answer', async () => {
      for (const filter of [
        `owner=${encodeURIComponent('group:default/team-c')}`,
        'category=network-function',
        'guarantee=sbom',
      ]) {
        const { body } = await call<{ items: PathSummary[] }>(
          `/paths?${filter}`,
          U.admin,
        );
        expect({
          filter,
          error: (body as any).error?.message,
          refs: body.items?.map(p => p.ref),
        }).toEqual({
          filter,
          error: undefined,
          refs: [pathRefOf('polaris-vault')],
        });
      }
    });
  });

  describe.each(POLICIES)('under a policy of $name', policy => {
    const view = viewOf(policy);
    const user = policy.reader;

    it('GET /paths lists the readable paths only, counted over readable followers', async () => {
      const { status, body } = await call<{ items: PathSummary[] }>(
        '/paths',
        user,
      );
      expect(status).toBe(200);
      expect(body.items.map(p => p.ref).sort(byRef)).toEqual(
        view.paths.map(p => pathRefOf(p.name)).sort(byRef),
      );
      for (const path of view.paths) {
        expectFigures(
          body.items.find(p => p.ref === pathRefOf(path.name))!,
          path,
          view.visible,
        );
      }
    });

    it('GET /paths filters and pages never reveal a hidden path', async () => {
      const filters: Array<[string, (p: FixturePath) => boolean]> = [
        [
          `owner=${encodeURIComponent('group:default/team-c')}`,
          p => p.owner === 'group:default/team-c',
        ],
        ['owner=team-c', p => p.owner === 'group:default/team-c'],
        ['category=network-function', p => p.category === 'network-function'],
        ['guarantee=sbom', p => p.guarantees.includes('sbom')],
        ['guarantee=owner', p => p.guarantees.includes('owner')],
        ['lifecycle=supported', p => p.lifecycle === 'supported'],
        ['lifecycle=deprecated', p => p.lifecycle === 'deprecated'],
      ];
      for (const [filter, matches] of filters) {
        const { status, body } = await call<{ items: PathSummary[] }>(
          `/paths?${filter}`,
          user,
        );
        expect({
          filter,
          status,
          error: (body as any).error?.message,
          refs: body.items?.map(p => p.ref),
        }).toEqual({
          filter,
          status: 200,
          error: undefined,
          refs: view.paths
            .filter(matches)
            .map(p => pathRefOf(p.name))
            .sort(byRef),
        });
      }
      const pages = await allPages<PathSummary>('/paths?limit=1', user);
      const paged = pages.flatMap(p => p.body.items.map(i => i.ref));
      expect(paged.sort(byRef)).toEqual(
        view.paths.map(p => pathRefOf(p.name)).sort(byRef),
      );
      for (const page of pages) {
        expect(page.body.items.length).toBeLessThanOrEqual(1);
      }
      // A cursor forged to point at a hidden path answers as one pointing
      // just past it at a path that does not exist.
      for (const path of view.hiddenPaths) {
        await expectSameCursorAnswer(
          cursor => `/paths?limit=1&cursor=${cursor}`,
          pathRefOf(path.name),
        );
      }
    });

    it('GET /paths/:namespace/:name gives readable figures and versions; a hidden path is the 404 of none', async () => {
      for (const path of view.paths) {
        const { status, body } = await call<PathDetails>(
          `/paths/default/${path.name}`,
          user,
        );
        expect({ path: path.name, status }).toEqual({
          path: path.name,
          status: 200,
        });
        expectDetails(body, path, view.visible);
      }
      await expectHiddenPathsAnswerAsNone('');
    });

    it('GET /paths/:namespace/:name/followers lists exactly the readable followers, a page at a time', async () => {
      for (const path of view.paths) {
        const expected = view.visible
          .filter(f => f.path === path.name)
          .map(f => componentRef(f.name))
          .sort(byRef);
        const all = await call<{ items: FollowerResult[] }>(
          `/paths/default/${path.name}/followers`,
          user,
        );
        expect(all.body.items.map(f => f.entityRef).sort(byRef)).toEqual(
          expected,
        );
        for (const item of all.body.items) {
          const follower = CONDITIONAL_FOLLOWERS.find(
            f => componentRef(f.name) === item.entityRef,
          )!;
          expect({
            entityRef: item.entityRef,
            compliant: item.compliant,
            drift: item.drift.status,
            checks: Object.fromEntries(item.checks.map(c => [c.id, c.status])),
          }).toEqual({
            entityRef: item.entityRef,
            compliant: isCompliant(follower),
            drift: follower.drift,
            checks: follower.checks,
          });
        }
        const pages = await allPages<FollowerResult>(
          `/paths/default/${path.name}/followers?limit=1`,
          user,
        );
        const paged = pages.flatMap(p => p.body.items.map(i => i.entityRef));
        expect(paged.length).toBe(new Set(paged).size);
        expect([...paged].sort(byRef)).toEqual(expected);
      }
      // Cursors forged to point at a follower the caller may not read
      // answer as cursors pointing just past it at none.
      for (const follower of view.unreadable) {
        const path = view.paths.find(p => p.name === follower.path);
        if (!path) {
          continue;
        }
        const hidden = await expectSameCursorAnswer(
          cursor =>
            `/paths/default/${path.name}/followers?limit=1&cursor=${cursor}`,
          componentRef(follower.name),
        );
        const listed: FollowerResult[] =
          hidden.status === 200 ? hidden.body.items : [];
        expect(
          listed
            .map(item => item.entityRef)
            .filter(
              ref => !view.visible.some(f => componentRef(f.name) === ref),
            ),
        ).toEqual([]);
      }
      await expectHiddenPathsAnswerAsNone('/followers');
      await expectHiddenPathsAnswerAsNone('/followers?limit=1');
    });

    it('GET /paths/:namespace/:name/history is restricted and counts today over readable followers', async () => {
      for (const path of view.paths) {
        const { status, body } = await call<HistoryResponse>(
          `/paths/default/${path.name}/history`,
          user,
        );
        expect(status).toBe(200);
        const { summary } = expectedFigures(path, view.visible);
        expect({ path: path.name, restricted: body.restricted }).toEqual({
          path: path.name,
          restricted: true,
        });
        expect({ path: path.name, today: body.items.at(-1) }).toEqual({
          path: path.name,
          today: {
            day: new Date().toISOString().slice(0, 10),
            adoption: summary.adoption,
            compliant: summary.compliant,
            complianceRatio: summary.complianceRatio,
          },
        });
        for (const point of body.items) {
          expect(point.adoption).toBeLessThanOrEqual(summary.adoption);
        }
      }
      await expectHiddenPathsAnswerAsNone('/history');
    });

    it('GET /paths/:namespace/:name/upgrade-plans lists and counts only readable followers behind the path', async () => {
      for (const path of view.paths) {
        const { status, body } = await call<PathUpgradePlans>(
          `/paths/default/${path.name}/upgrade-plans`,
          user,
        );
        expect({ path: path.name, status }).toEqual({
          path: path.name,
          status: 200,
        });
        const expected = expectedPlans(path, view.visible, MAX_PLANNED);
        expect({
          path: path.name,
          listed: body.followers.map(f => ({
            entityRef: f.entityRef,
            version: f.version,
          })),
          omitted: body.omitted,
        }).toEqual({ path: path.name, ...expected });
      }
      await expectHiddenPathsAnswerAsNone('/upgrade-plans');
    });

    it('GET /entities/:kind/:namespace/:name answers for readable followers of readable paths only', async () => {
      for (const follower of view.visible) {
        const { status, body } = await call<EntityResult>(
          `/entities/component/default/${follower.name}`,
          user,
        );
        const path = view.paths.find(p => p.name === follower.path)!;
        expect({ follower: follower.name, status }).toEqual({
          follower: follower.name,
          status: 200,
        });
        expect(body).toMatchObject({
          entityRef: componentRef(follower.name),
          compliant: isCompliant(follower),
          drift: { status: follower.drift, currentVersion: follower.version },
          path: {
            ref: pathRefOf(path.name),
            title: path.title,
            version: path.version,
          },
        });
      }
      await expectHiddenEntitiesAnswerAsNone('');
    });

    it('GET /entities/:kind/:namespace/:name/upgrade plans readable followers only; a hidden entity is the 404 of none', async () => {
      // No fixture folder is a git repository: a follower the caller may
      // plan gets that reason, naming its own folder.
      for (const follower of view.visible) {
        const { status, body } = await call(
          `/entities/component/default/${follower.name}/upgrade`,
          user,
        );
        expect({
          follower: follower.name,
          status,
          message: body.error?.message,
        }).toEqual({
          follower: follower.name,
          status: 404,
          message: `The component's folder ${follower.name} in the local repositories directory is not a git repository`,
        });
      }
      await expectHiddenEntitiesAnswerAsNone('/upgrade');
    });

    it('POST /entities/:kind/:namespace/:name/upgrade: 403 without golden-paths.upgrade.create, the 404 of none on a hidden entity with it', async () => {
      for (const viewer of viewersOf(policy)) {
        const refused = await call(
          `/entities/component/default/${NO_COMPONENT}/upgrade`,
          viewer,
          { method: 'POST' },
        );
        expect(refused.status).toBe(403);
        for (const follower of [...CONDITIONAL_FOLLOWERS, ORPHAN_FOLLOWER]) {
          expectSameAnswer(
            await call(
              `/entities/component/default/${follower.name}/upgrade`,
              viewer,
              { method: 'POST' },
            ),
            [follower.name],
            refused,
            [NO_COMPONENT],
          );
        }
      }
      await expectHiddenEntitiesAnswerAsNone('/upgrade', 'POST');
    });

    it('POST /refresh and POST /validate reveal no entity data', async () => {
      const refresh = await call('/refresh', user, { method: 'POST' });
      expect({ status: refresh.status, body: refresh.body }).toEqual({
        status: 202,
        body: { status: 'scheduled' },
      });
      for (const viewer of viewersOf(policy)) {
        const refused = await call('/refresh', viewer, {
          method: 'POST',
        });
        expect(refused.status).toBe(403);
        expectNoSecret([refused]);
      }
      const yaml = [
        'apiVersion: golden-paths.dev/v1alpha1',
        'kind: GoldenPath',
        'metadata:',
        '  name: probe',
        'spec:',
        '  owner: group:default/team-c',
        '  lifecycle: deprecated',
        '  category: network-function',
        '  version: 1.0.0',
        '  replacedBy: goldenpath:default/polaris-vault',
        '  guarantees: [owner, no-such-guarantee]',
        '',
      ].join('\n');
      const reference = await call('/validate', U.admin, {
        method: 'POST',
        body: { yaml },
      });
      expect(reference.status).toBe(200);
      for (const who of [user, ...viewersOf(policy)]) {
        const answer = await call('/validate', who, {
          method: 'POST',
          body: { yaml },
        });
        expect({ who, status: answer.status, body: answer.body }).toEqual({
          who,
          status: 200,
          body: reference.body,
        });
      }
    });

    it('no answer of any route names what the caller may not read', async () => {
      const answers: Answer[] = [];
      const get = async (route: string, who = user) => {
        answers.push(await call(route, who));
      };
      await get('/paths');
      for (const page of await allPages('/paths?limit=1', user)) {
        answers.push(page);
      }
      for (const filter of [
        `owner=${encodeURIComponent('group:default/team-a')}`,
        `owner=${encodeURIComponent('group:default/team-c')}`,
        'category=network-function',
        'guarantee=sbom',
        'lifecycle=deprecated',
      ]) {
        await get(`/paths?${filter}`);
      }
      const pathNames = [
        ...CONDITIONAL_PATHS.map(p => p.name),
        ORPHAN_FOLLOWER.path,
        NO_PATH,
      ];
      for (const name of pathNames) {
        for (const route of [
          '',
          '/followers',
          '/history',
          '/history?from=2000-01-01',
          '/upgrade-plans',
        ]) {
          await get(`/paths/default/${name}${route}`);
        }
        const first = await call(
          `/paths/default/${name}/followers?limit=1`,
          user,
        );
        answers.push(first);
        if (first.status === 200) {
          for (const page of await allPages(
            `/paths/default/${name}/followers?limit=1`,
            user,
          )) {
            answers.push(page);
          }
        }
      }
      const componentNames = [
        ...CONDITIONAL_FOLLOWERS.map(f => f.name),
        ORPHAN_FOLLOWER.name,
        NO_COMPONENT,
      ];
      for (const name of componentNames) {
        await get(`/entities/component/default/${name}`);
        await get(`/entities/component/default/${name}/upgrade`);
        for (const viewer of viewersOf(policy)) {
          answers.push(
            await call(`/entities/component/default/${name}/upgrade`, viewer, {
              method: 'POST',
            }),
          );
        }
      }
      // Only where nothing could be written: a run on a follower the caller
      // reads would prepare a real upgrade.
      for (const name of [
        ...view.unreadable.map(f => f.name),
        ...view.orphaned.map(f => f.name),
        ORPHAN_FOLLOWER.name,
        NO_COMPONENT,
      ]) {
        answers.push(
          await call(`/entities/component/default/${name}/upgrade`, user, {
            method: 'POST',
          }),
        );
      }
      answers.push(await call('/refresh', user, { method: 'POST' }));
      for (const viewer of viewersOf(policy)) {
        answers.push(await call('/refresh', viewer, { method: 'POST' }));
      }
      answers.push(
        await call('/validate', user, {
          method: 'POST',
          body: { yaml: 'kind: GoldenPath\nmetadata: { name: x }\n' },
        }),
      );
      expect(answers.length).toBeGreaterThan(60);
      expectNoSecret(answers);
    });

    /** Each hidden path answers `suffix` as a path that does not exist. */
    async function expectHiddenPathsAnswerAsNone(suffix: string) {
      const none = await call(`/paths/default/${NO_PATH}${suffix}`, user);
      expect(none.status).toBe(404);
      for (const path of view.hiddenPaths) {
        expectSameAnswer(
          await call(`/paths/default/${path.name}${suffix}`, user),
          [path.name],
          none,
          [NO_PATH],
        );
      }
    }

    /**
     * Each follower the caller may not read answers `suffix` as a
     * component that does not exist; each readable follower of a path the
     * caller may not read answers as the follower of a path that does not
     * exist.
     */
    async function expectHiddenEntitiesAnswerAsNone(
      suffix: string,
      method = 'GET',
    ) {
      const route = (name: string) =>
        `/entities/component/default/${name}${suffix}`;
      const none = await call(route(NO_COMPONENT), user, { method });
      expect(none.status).toBe(404);
      for (const follower of view.unreadable) {
        expectSameAnswer(
          await call(route(follower.name), user, { method }),
          [follower.name],
          none,
          [NO_COMPONENT],
        );
      }
      const orphan = await call(route(ORPHAN_FOLLOWER.name), user, {
        method,
      });
      expect(orphan.status).toBe(404);
      for (const follower of view.orphaned) {
        expectSameAnswer(
          await call(route(follower.name), user, { method }),
          [follower.name, follower.path],
          orphan,
          [ORPHAN_FOLLOWER.name, ORPHAN_FOLLOWER.path],
        );
      }
    }

    /**
     * A forged cursor pointing at something hidden answers as one pointing
     * just past it, at nothing.
     */
    async function expectSameCursorAnswer(
      route: (cursor: string) => string,
      hiddenRef: string,
    ) {
      const cursors = [forgedCursor(hiddenRef), forgedCursor(`${hiddenRef}-`)];
      const [hidden, none] = await Promise.all(
        cursors.map(cursor => call(route(cursor), user)),
      );
      expect(hidden.status).toBe(none.status);
      if (hidden.status === 200) {
        expect(hidden.body).toEqual(none.body);
      } else {
        expect(noticed(hidden, [cursors[0]])).toEqual(
          noticed(none, [cursors[1]]),
        );
      }
      return hidden;
    }

    function expectNoSecret(answers: Answer[]) {
      const found: string[] = [];
      for (const secret of secretsOf(policy)) {
        for (const answer of answers) {
          if (
            !secret.unlessRouteNames.some(name =>
              answer.route.includes(name),
            ) &&
            secret.pattern.test(answer.text)
          ) {
            found.push(`${secret.what} in ${answer.route} (${answer.status})`);
          }
        }
      }
      expect(found).toEqual([]);
    }
  });

  describe('without any golden-paths permission', () => {
    it('refuses every insights route, refresh and upgrade runs, naming nothing', async () => {
      const routes: Array<[string, string]> = [
        ['GET', '/paths'],
        ['GET', '/paths/default/andromeda-web'],
        ['GET', '/paths/default/andromeda-web/followers'],
        ['GET', '/paths/default/andromeda-web/history'],
        ['POST', '/entities/component/default/vega-payroll/upgrade'],
        ['POST', '/refresh'],
      ];
      for (const [method, route] of routes) {
        const answer = await call(route, U.noInsights, { method });
        expect({ method, route, status: answer.status }).toEqual({
          method,
          route,
          status: 403,
        });
        expect(answer.body.error.message).toMatch(/golden-paths\./);
        for (const follower of ALL.readable) {
          expect(answer.body.error.message).not.toContain(follower.title);
        }
      }
    });
  });
});

/** A cursor in the shape the backend hands out today, pointing past `after`. */
function forgedCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

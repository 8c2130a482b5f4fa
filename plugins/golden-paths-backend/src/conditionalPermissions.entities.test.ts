import type { EntityResult } from '@golden-paths/golden-paths-common';
import {
  CONDITIONAL_FOLLOWERS,
  CONDITIONAL_PATHS,
  ORPHAN_FOLLOWER,
} from './__testUtils__/conditionalCatalog';
import {
  ALL,
  componentRef,
  isCompliant,
  pathRefOf,
  POLICIES,
  viewersOf,
  viewOf,
} from './__testUtils__/conditionalExpectations';
import { CONDITIONAL_USERS as U } from './__testUtils__/conditionalPolicy';
import { policyProbes } from './__testUtils__/conditionalProbes';
import {
  type Answer,
  expectSameAnswer,
  NO_COMPONENT,
  NO_PATH,
  useConditionalBackend,
} from './__testUtils__/conditionalRoutes';
import { REAL_WORK_TIMEOUT_MS } from './__testUtils__/testBackend';

// A real catalog ingests a dozen entities and the evaluation reads ten
// repositories before the first test, on a shared 2-core machine.
jest.setTimeout(2 * REAL_WORK_TIMEOUT_MS);

/*
 * What the entity routes (results, upgrade plans and runs), refresh and
 * validate answer under conditional catalog policies, and that no route's
 * answer names what the caller may not read.
 */
describe('golden-paths entity routes under conditional catalog permissions', () => {
  const { call, allPages } = useConditionalBackend();

  describe.each(POLICIES)('under a policy of $name', policy => {
    const view = viewOf(policy);
    const user = policy.reader;

    const { expectHiddenEntitiesAnswerAsNone, expectNoSecret } = policyProbes(
      { call, allPages },
      policy,
    );

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

import type {
  FollowerResult,
  HistoryResponse,
  PathDetails,
  PathSummary,
  PathUpgradePlans,
  EntityResult,
} from '@golden-paths/golden-paths-common';
import {
  CONDITIONAL_FOLLOWERS,
  CONDITIONAL_PATHS,
  type FixturePath,
  ORPHAN_FOLLOWER,
} from './__testUtils__/conditionalCatalog';
import {
  byRef,
  componentRef,
  expectedFigures,
  expectedPlans,
  isCompliant,
  pathRefOf,
  POLICIES,
  viewOf,
} from './__testUtils__/conditionalExpectations';
import { CONDITIONAL_USERS as U } from './__testUtils__/conditionalPolicy';
import { policyProbes } from './__testUtils__/conditionalProbes';
import {
  expectDetails,
  expectFigures,
  MAX_PLANNED,
  useConditionalBackend,
} from './__testUtils__/conditionalRoutes';
import { REAL_WORK_TIMEOUT_MS } from './__testUtils__/testBackend';

// A real catalog ingests a dozen entities and the evaluation reads ten
// repositories before the first test, on a shared 2-core machine.
jest.setTimeout(2 * REAL_WORK_TIMEOUT_MS);

/*
 * What the path routes (summaries, details, followers, history, upgrade plans)
 * answer under conditional catalog policies: counted over the followers the
 * caller may read, a hidden path the 404 of none.
 */
describe('golden-paths path routes under conditional catalog permissions', () => {
  const { call, allPages } = useConditionalBackend();

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

    const { expectHiddenPathsAnswerAsNone, expectSameCursorAnswer } =
      policyProbes({ call, allPages }, policy);

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
  });
});

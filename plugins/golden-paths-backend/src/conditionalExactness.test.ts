import { TestDatabases } from '@backstage/backend-test-utils';
import type {
  FollowerResult,
  HistoryResponse,
  PathSummary,
} from '@golden-paths/golden-paths-common';
import { syntheticCatalog } from '../bench/syntheticCatalog';
import {
  policyVocabulary,
  randomConditionalPolicies,
  type RandomPolicy,
} from './__testUtils__/randomPolicies';
import {
  admin,
  pathUrl,
  useSyntheticCatalogBackend,
} from './__testUtils__/syntheticCatalogBackend';

/**
 * Issue 12: what a user under a conditional catalog policy is shown, counted
 * over the followers they may read, equals what the catalog itself returns
 * to them. Only HTTP behaviour is compared, so that it holds however the
 * plugin computes visibility.
 */

// Loading 10k components into the catalog takes minutes on a busy 2-core
// machine; the 20 policies' comparisons about as long again.
jest.setTimeout(30 * 60_000);

/**
 * Components per database: 10k on PostgreSQL, as issue 12 asks. That took
 * 3.4 minutes on this 2-core machine when it was quiet (2.5 minutes of it
 * the catalog's load) and over 7 minutes of load alone when it was busy;
 * `GOLDEN_PATHS_EXACTNESS_COMPONENTS` sets another size for a quicker local
 * run. SQLite, whose catalog loads slower still, runs a small catalog so
 * that the plugin's queries are compared on both.
 */
const COMPONENTS: Partial<Record<string, number>> = {
  POSTGRES_15: Number(process.env.GOLDEN_PATHS_EXACTNESS_COMPONENTS ?? 10_000),
  SQLITE_3: 600,
};
/** Followers with a repository, so that some are compliant. */
const REPOSITORIES = 60;
const LOAD_DEADLINE_MS = 20 * 60_000;

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const base = syntheticCatalog();
const policies = randomConditionalPolicies({
  count: 20,
  seed: 12,
  catalog: policyVocabulary(base),
});

describe.each(databases.eachSupportedId())(
  'conditional catalog policies on %s: exact counts at scale',
  databaseId => {
    const { generated, compliantOf, get, catalogRefs, pluginItems } =
      useSyntheticCatalogBackend({
        databases,
        databaseId,
        base,
        components: COMPONENTS[databaseId]!,
        repositories: REPOSITORIES,
        policies,
        loadTimeoutMs: LOAD_DEADLINE_MS,
      });
    /** What each policy let its user see, for the check of their spread. */
    const seen = new Map<string, { paths: number; followers: number }>();

    it('evaluates every follower of the loaded catalog', async () => {
      const { items } = await pluginItems<PathSummary>(admin, '/paths');
      expect(Object.fromEntries(items.map(p => [p.ref, p.adoption]))).toEqual(
        Object.fromEntries(generated),
      );
      expect(compliantOf.size).toBe(
        [...generated.values()].reduce((a, b) => a + b, 0),
      );
      // The repositories make some followers compliant, so that `compliant`
      // is compared on something other than zero.
      expect([...compliantOf.values()].filter(Boolean).length).toBeGreaterThan(
        0,
      );
    });

    it.each(policies.map(p => [p.name, p] as const))(
      '%s: every count equals what the catalog returns to its user',
      async (_name, policy: RandomPolicy) => {
        const user = policy.userRef;
        const problems: string[] = [];
        const differ = (what: string, plugin: unknown, catalog: unknown) =>
          problems.push(
            `${what}: golden-paths says ${JSON.stringify(
              plugin,
            )}, the catalog ${JSON.stringify(catalog)}`,
          );

        const visiblePaths = (await catalogRefs(user, 'kind=goldenpath')).refs;
        const listed = await pluginItems<PathSummary>(user, '/paths');
        expect(listed.status).toBe(200);
        const listedRefs = listed.items.map(p => p.ref).sort();
        if (listedRefs.join() !== visiblePaths.join()) {
          differ('paths listed', listedRefs, visiblePaths);
        }

        const followersOf = new Map<string, string[]>();
        for (const path of visiblePaths) {
          const { refs, totalItems } = await catalogRefs(
            user,
            `kind=component,relations.followsGoldenPath=${path}`,
          );
          expect(refs).toHaveLength(totalItems);
          followersOf.set(path, refs);
          const summary = listed.items.find(p => p.ref === path);
          if (!summary) {
            continue;
          }
          if (summary.adoption !== totalItems) {
            differ(`${path} adoption`, summary.adoption, totalItems);
          }
          const unknown = refs.filter(ref => !compliantOf.has(ref));
          if (unknown.length) {
            problems.push(
              `${path}: the allow-all user is not shown ${unknown.length} followers the catalog returns, e.g. ${unknown[0]}`,
            );
          }
          const compliant = refs.filter(ref => compliantOf.get(ref)).length;
          if (summary.compliant !== compliant) {
            differ(`${path} compliant`, summary.compliant, compliant);
          }
          const history = await get<HistoryResponse>(
            user,
            `/api/golden-paths${pathUrl(path)}/history`,
          );
          const today = history.body.items?.[history.body.items.length - 1];
          if (
            today?.adoption !== summary.adoption ||
            today?.compliant !== summary.compliant
          ) {
            problems.push(
              `${path} history: today's point ${JSON.stringify(
                today,
              )}, /paths adoption ${summary.adoption}, compliant ${
                summary.compliant
              }`,
            );
          }
        }

        const largest = [...followersOf.entries()]
          .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
          .slice(0, 2);
        for (const [path, refs] of largest) {
          const followers = await pluginItems<FollowerResult>(
            user,
            `${pathUrl(path)}/followers`,
          );
          const shown = followers.items
            .map(f => f.entityRef.toLocaleLowerCase('en-US'))
            .sort();
          if (followers.status !== 200 || shown.join() !== refs.join()) {
            const missing = refs.filter(ref => !shown.includes(ref));
            const extra = shown.filter(ref => !refs.includes(ref));
            problems.push(
              `${path} followers (status ${followers.status}): ${
                shown.length
              } shown, the catalog returns ${
                refs.length
              }; missing ${JSON.stringify(
                missing.slice(0, 5),
              )}, not returned by the catalog ${JSON.stringify(
                extra.slice(0, 5),
              )}`,
            );
          }
        }

        const hidden = [...generated.keys()].find(
          p => !visiblePaths.includes(p),
        );
        if (hidden) {
          for (const url of [pathUrl(hidden), `${pathUrl(hidden)}/followers`]) {
            const { status } = await get(user, `/api/golden-paths${url}`);
            if (status !== 404) {
              problems.push(
                `${url}: the path is hidden from the user, yet answers ${status}`,
              );
            }
          }
        }

        seen.set(policy.name, {
          paths: visiblePaths.length,
          followers: [...followersOf.values()].reduce(
            (n, r) => n + r.length,
            0,
          ),
        });
        if (problems.length) {
          throw new Error(
            `${policy.name} (${user}), conditions ${JSON.stringify(
              policy.conditions,
              null,
              1,
            )}:\n${problems.join('\n')}`,
          );
        }
      },
    );

    it('draws policies that see all, some and none of the paths and followers', () => {
      const all = [...generated.values()].reduce((a, b) => a + b, 0);
      const spread = [...seen.values()];
      expect(spread).toHaveLength(policies.length);
      expect(spread.some(s => s.paths === generated.size)).toBe(true);
      expect(spread.some(s => s.paths > 0 && s.paths < generated.size)).toBe(
        true,
      );
      expect(spread.some(s => s.paths === 0)).toBe(true);
      expect(spread.some(s => s.paths > 0 && s.followers === 0)).toBe(true);
      expect(spread.some(s => s.followers > 0 && s.followers < all / 20)).toBe(
        true,
      );
      expect(spread.some(s => s.followers > all / 2)).toBe(true);
    });
  },
);

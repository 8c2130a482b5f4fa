import type { Policy } from './conditionalExpectations';
import { ORPHAN_FOLLOWER } from './conditionalCatalog';
import { secretsOf, viewOf } from './conditionalExpectations';
import {
  type Answer,
  type ConditionalRoutes,
  expectSameAnswer,
  forgedCursor,
  NO_COMPONENT,
  NO_PATH,
  noticed,
} from './conditionalRoutes';

/**
 * Checks that what a policy hides from its reader answers as what does
 * not exist, and that no answer names it.
 */
export function policyProbes(routes: ConditionalRoutes, policy: Policy) {
  const { call } = routes;
  const view = viewOf(policy);
  const user = policy.reader;

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
          !secret.unlessRouteNames.some(name => answer.route.includes(name)) &&
          secret.pattern.test(answer.text)
        ) {
          found.push(`${secret.what} in ${answer.route} (${answer.status})`);
        }
      }
    }
    expect(found).toEqual([]);
  }

  return {
    expectHiddenPathsAnswerAsNone,
    expectHiddenEntitiesAnswerAsNone,
    expectSameCursorAnswer,
    expectNoSecret,
  };
}

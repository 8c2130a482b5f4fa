import { catalogConditions } from '@backstage/plugin-catalog-backend/alpha';
import { GOLDEN_PATH_KIND_LOWER } from '@golden-paths/golden-paths-common';
import {
  policyVocabulary,
  type RandomPolicy,
  randomConditionalPolicies,
} from '../src/__testUtils__/randomPolicies';
import type { SyntheticCatalog } from './syntheticCatalog';

/**
 * The caller of the conditional latency rows: the person who owns 1% of
 * the synthetic components (`spec.owner: user:default/guest`), in a team
 * that owns about 1/20 of them (each of the 20 groups does).
 */
export const CONDITIONAL_USER = 'user:default/guest';
export const CONDITIONAL_GROUP = 'group:default/team-01';

/** The latency caller's decision for `catalog.entity.read`. */
export const conditionalUserPolicy: RandomPolicy = {
  name: 'owner-or-kind',
  userRef: CONDITIONAL_USER,
  conditions: {
    anyOf: [
      catalogConditions.isEntityOwner({
        claims: [CONDITIONAL_GROUP, CONDITIONAL_USER],
      }),
      catalogConditions.isEntityKind({
        kinds: [GOLDEN_PATH_KIND_LOWER, 'group', 'user'],
      }),
    ],
  },
};

/** How the report states {@link conditionalUserPolicy}. */
export const CONDITIONAL_POLICY_TEXT = `\`${CONDITIONAL_USER}\` may read the catalog entities \`anyOf\`: \`isEntityOwner\` with claims \`[${CONDITIONAL_GROUP}, ${CONDITIONAL_USER}]\`, \`isEntityKind\` \`[goldenpath, group, user]\``;

/** Seed of the random policies: the same 20 policies every run. */
export const RANDOM_POLICY_SEED = 12;

/** The random conditional policies of the exactness rows. */
export function randomPolicies(
  catalog: SyntheticCatalog,
  count: number,
): RandomPolicy[] {
  return randomConditionalPolicies({
    count,
    seed: RANDOM_POLICY_SEED,
    catalog: policyVocabulary(catalog),
  });
}

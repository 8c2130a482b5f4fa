import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import type { EntityFilter } from '@backstage/plugin-catalog-node';
import type {
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  createConditionTransformer,
  type PermissionRule,
} from '@backstage/plugin-permission-node';

/** A rule in a decision that is not one of the catalog's built-in rules. */
class UnknownRuleError extends Error {}

const builtInRules = new Map<string, PermissionRule<any, EntityFilter, string>>(
  Object.values(permissionRules).map(rule => [rule.name, rule]),
);

const transform = createConditionTransformer<EntityFilter>({
  getRuleByName(name: string) {
    const rule = builtInRules.get(name);
    if (!rule) {
      throw new UnknownRuleError(name);
    }
    return rule;
  },
});

/**
 * The entity filter a conditional catalog read decision stands for, made by
 * the catalog's own built-in rules exactly as the catalog makes it, or
 * `undefined` when the conditions use a rule Golden Paths does not know (an
 * adopter's custom rule): only the catalog can apply those.
 *
 * Invalid parameters of a known rule throw, as they do in the catalog.
 */
export function builtInEntityFilter(
  conditions: PermissionCriteria<PermissionCondition>,
): EntityFilter | undefined {
  try {
    return transform(conditions) as EntityFilter;
  } catch (error) {
    if (error instanceof UnknownRuleError) {
      return undefined;
    }
    throw error;
  }
}

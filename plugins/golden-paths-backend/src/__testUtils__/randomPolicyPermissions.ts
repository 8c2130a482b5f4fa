import {
  PolicyPermissions,
  type RequestedPermission,
} from './policyPermissions';
import {
  coreServices,
  createServiceFactory,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import { NotImplementedError } from '@backstage/errors';
import { createCatalogConditionalDecision } from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  type AuthorizePermissionRequest,
  AuthorizeResult,
  type DefinitivePolicyDecision,
  isPermission,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type { EntityCriteria, RandomPolicy } from './randomPolicies';

/**
 * A PermissionsService: user `RandomPolicy.userRef` gets its policy's
 * conditional decision for `catalog.entity.read`; every other permission and
 * every other principal (service credentials included) is allowed.
 */
export class RandomPolicyPermissions extends PolicyPermissions {
  readonly #conditions: Map<string, EntityCriteria>;

  constructor(policies: RandomPolicy[]) {
    super();
    this.#conditions = new Map(policies.map(p => [p.userRef, p.conditions]));
  }

  protected decide(
    permission: RequestedPermission,
    caller: string | undefined,
  ): PolicyDecision {
    const conditions = caller ? this.#conditions.get(caller) : undefined;
    if (
      conditions &&
      isResourcePermission(permission, 'catalog-entity') &&
      isPermission(permission, catalogEntityReadPermission)
    ) {
      return createCatalogConditionalDecision(permission, conditions);
    }
    return { result: AuthorizeResult.ALLOW };
  }

  protected decideOne(
    decision: PolicyDecision,
    request: AuthorizePermissionRequest,
  ): DefinitivePolicyDecision {
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      // The permission backend would ask the catalog to apply the
      // conditions to this one entity; failing loudly beats a made-up
      // answer that would hide a difference.
      throw new NotImplementedError(
        `RandomPolicyPermissions cannot decide ${request.permission.name} for one resource under conditions`,
      );
    }
    return decision;
  }
}

/** Installs {@link RandomPolicyPermissions} as every plugin's permissions service. */
export function randomPolicyPermissionsFactory(
  policies: RandomPolicy[],
): ServiceFactory {
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => new RandomPolicyPermissions(policies),
  });
}

import {
  PolicyPermissions,
  type RequestedPermission,
} from './policyPermissions';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  type DefinitivePolicyDecision,
  isPermission,
  isResourcePermission,
  type PolicyDecision,
  type AuthorizePermissionRequest,
} from '@backstage/plugin-permission-common';
import { GOLDEN_PATH_KIND_LOWER } from '@golden-paths/golden-paths-common';

/**
 * alice: everything. bob: catalog entities owned by team-b or himself, and
 * every GoldenPath, Group and User. carol: no golden-path permission. dave:
 * like bob but no GoldenPath (he reads team-b's components, not the paths
 * they follow). Services: everything.
 */
function decide(
  permission: RequestedPermission,
  who: string | undefined,
): PolicyDecision {
  if (
    who === 'user:default/bob' &&
    isResourcePermission(permission) &&
    isPermission(permission, catalogEntityReadPermission)
  ) {
    return createCatalogConditionalDecision(permission, {
      anyOf: [
        catalogConditions.isEntityOwner({
          claims: ['group:default/team-b', 'user:default/bob'],
        }),
        catalogConditions.isEntityKind({
          kinds: [GOLDEN_PATH_KIND_LOWER, 'group', 'user'],
        }),
      ],
    });
  }
  if (
    who === 'user:default/dave' &&
    isResourcePermission(permission) &&
    isPermission(permission, catalogEntityReadPermission)
  ) {
    return createCatalogConditionalDecision(permission, {
      anyOf: [
        catalogConditions.isEntityOwner({
          claims: ['group:default/team-b', 'user:default/dave'],
        }),
        catalogConditions.isEntityKind({ kinds: ['group', 'user'] }),
      ],
    });
  }
  if (
    who === 'user:default/carol' &&
    permission.name.startsWith('golden-paths.')
  ) {
    return { result: AuthorizeResult.DENY };
  }
  return { result: AuthorizeResult.ALLOW };
}

/**
 * The permission decisions of two users who see different entities, applied
 * by the real catalog (which turns a conditional decision into its own
 * query filters).
 */
export class TestPermissions extends PolicyPermissions {
  protected decide(
    permission: RequestedPermission,
    caller: string | undefined,
  ): PolicyDecision {
    return decide(permission, caller);
  }

  protected decideOne(
    decision: PolicyDecision,
    request: AuthorizePermissionRequest,
  ): DefinitivePolicyDecision {
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      // A single resource under a condition: decided by the catalog's
      // query path in these tests, never here.
      return { result: AuthorizeResult.DENY };
    }
    if (
      isResourcePermission(request.permission) &&
      !('resourceRef' in request)
    ) {
      return { result: AuthorizeResult.DENY };
    }
    return decision;
  }
}

/** Installs {@link TestPermissions} as every plugin's permissions service. */
export const testPermissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => new TestPermissions(),
});

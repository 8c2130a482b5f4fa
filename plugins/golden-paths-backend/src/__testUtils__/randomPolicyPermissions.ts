import {
  type BackstageCredentials,
  type BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
  type PermissionsService,
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
  type QueryPermissionRequest,
} from '@backstage/plugin-permission-common';
import type { EntityCriteria, RandomPolicy } from './randomPolicies';

/**
 * A PermissionsService: user `RandomPolicy.userRef` gets its policy's
 * conditional decision for `catalog.entity.read`; every other permission and
 * every other principal (service credentials included) is allowed.
 */
export class RandomPolicyPermissions implements PermissionsService {
  readonly #conditions: Map<string, EntityCriteria>;

  constructor(policies: RandomPolicy[]) {
    this.#conditions = new Map(policies.map(p => [p.userRef, p.conditions]));
  }

  async authorizeConditional(
    requests: QueryPermissionRequest[],
    options: { credentials: BackstageCredentials },
  ): Promise<PolicyDecision[]> {
    return requests.map(request => this.#decide(request, options.credentials));
  }

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: { credentials: BackstageCredentials },
  ): Promise<DefinitivePolicyDecision[]> {
    return requests.map(request => {
      const decision = this.#decide(request, options.credentials);
      if (decision.result === AuthorizeResult.CONDITIONAL) {
        // The permission backend would ask the catalog to apply the
        // conditions to this one entity; failing loudly beats a made-up
        // answer that would hide a difference.
        throw new NotImplementedError(
          `RandomPolicyPermissions cannot decide ${request.permission.name} for one resource under conditions`,
        );
      }
      return decision;
    });
  }

  #decide(
    request: {
      permission:
        | QueryPermissionRequest['permission']
        | AuthorizePermissionRequest['permission'];
    },
    credentials: BackstageCredentials,
  ): PolicyDecision {
    const principal = credentials.principal as Partial<BackstageUserPrincipal>;
    const conditions =
      principal.type === 'user' && principal.userEntityRef
        ? this.#conditions.get(principal.userEntityRef)
        : undefined;
    if (
      conditions &&
      isResourcePermission(request.permission, 'catalog-entity') &&
      isPermission(request.permission, catalogEntityReadPermission)
    ) {
      return createCatalogConditionalDecision(request.permission, conditions);
    }
    return { result: AuthorizeResult.ALLOW };
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

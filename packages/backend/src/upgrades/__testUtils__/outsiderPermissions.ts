import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  type AuthorizePermissionRequest,
  type DefinitivePolicyDecision,
  type PolicyDecision,
  type QueryPermissionRequest,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Everyone may do everything, except `user:default/outsider`, who may read
 * paths, templates, groups and users in the catalog but no component.
 */
export class OutsiderPermissions implements PermissionsService {
  #decide(
    request: { permission: QueryPermissionRequest['permission'] },
    credentials: BackstageCredentials,
  ): PolicyDecision {
    const principal = credentials.principal as Partial<BackstageUserPrincipal>;
    if (
      principal.userEntityRef === 'user:default/outsider' &&
      request.permission.name === 'catalog.entity.read'
    ) {
      return createCatalogConditionalDecision(
        request.permission as ResourcePermission<'catalog-entity'>,
        catalogConditions.isEntityKind({
          kinds: ['goldenpath', 'template', 'group', 'user'],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }

  async authorizeConditional(
    requests: QueryPermissionRequest[],
    options: { credentials: BackstageCredentials },
  ): Promise<PolicyDecision[]> {
    return requests.map(r => this.#decide(r, options.credentials));
  }

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: { credentials: BackstageCredentials },
  ): Promise<DefinitivePolicyDecision[]> {
    return requests.map(r => {
      const decision = this.#decide(
        r as { permission: QueryPermissionRequest['permission'] },
        options.credentials,
      );
      return decision.result === AuthorizeResult.CONDITIONAL
        ? { result: AuthorizeResult.DENY }
        : decision;
    });
  }
}

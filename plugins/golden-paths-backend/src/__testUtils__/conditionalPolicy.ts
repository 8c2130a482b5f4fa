import {
  PolicyPermissions,
  type RequestedPermission,
} from './policyPermissions';
import {
  type AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
  type DiscoveryService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  catalogConditions,
  createCatalogConditionalDecision,
  createCatalogPermissionRule,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  type AuthorizePermissionRequest,
  AuthorizeResult,
  type ConditionalPolicyDecision,
  type DefinitivePolicyDecision,
  isPermission,
  isResourcePermission,
  type PermissionCondition,
  type PermissionCriteria,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createConditionFactory } from '@backstage/plugin-permission-node';
import {
  GOLDEN_PATH_KIND_LOWER,
  goldenPathsRefreshPermission,
  goldenPathsUpgradeCreatePermission,
} from '@golden-paths/golden-paths-common';
import { z } from 'zod';
import { EMBARGO_ANNOTATION } from './conditionalCatalog';

/**
 * A catalog permission rule Golden Paths cannot know: entities whose
 * `spec.system` is the given system.
 */
export const isInSystemRule = createCatalogPermissionRule({
  name: 'IS_IN_SYSTEM',
  description: 'Allow entities that are part of the given system',
  resourceType: 'catalog-entity',
  paramsSchema: z.object({ systemRef: z.string() }),
  apply: (entity, { systemRef }) => {
    const system = entity.spec?.system;
    if (typeof system !== 'string') {
      return false;
    }
    const ref = parseEntityRef(system, {
      defaultKind: 'system',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    });
    return (
      stringifyEntityRef(ref) ===
      stringifyEntityRef(parseEntityRef(systemRef, { defaultKind: 'system' }))
    );
  },
  // The catalog indexes spec.system as written: short or full.
  toQuery: ({ systemRef }) => {
    const ref = parseEntityRef(systemRef, { defaultKind: 'system' });
    const values = [stringifyEntityRef(ref)];
    if (ref.namespace === 'default') {
      values.push(ref.name, `${ref.kind}:${ref.name}`);
    }
    return { key: 'spec.system', values };
  },
});

const isInSystem = createConditionFactory(isInSystemRule);

/** Adds {@link isInSystemRule} to the catalog, as an adopter's module would. */
export const catalogModuleIsInSystemRule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-is-in-system-rule',
  register(env) {
    env.registerInit({
      deps: { permissionsRegistry: coreServices.permissionsRegistry },
      async init({ permissionsRegistry }) {
        permissionsRegistry.addPermissionRules([isInSystemRule]);
      },
    });
  },
});

/** The users of the policies, as entity refs. */
export const CONDITIONAL_USERS = {
  /** Everything. */
  admin: 'user:default/admin',
  /** Entities owned by team-b or owner-reader, and every path, group, user. */
  ownerReader: 'user:default/owner-reader',
  /** Reads as ownerReader; may not refresh nor run upgrades. */
  ownerViewer: 'user:default/owner-viewer',
  /**
   * Paths not labelled `confidentiality: restricted`; other entities
   * labelled `visibility: internal` unless embargoed (annotation); groups
   * and users.
   */
  labelReader: 'user:default/label-reader',
  /** Reads as labelReader; may not refresh nor run upgrades. */
  labelViewer: 'user:default/label-viewer',
  /** Entities of system payments (custom rule), every path, group, user. */
  systemReader: 'user:default/system-reader',
  /** Reads as systemReader; may not refresh nor run upgrades. */
  systemViewer: 'user:default/system-viewer',
  /** Reads the whole catalog; no golden-paths permission. */
  noInsights: 'user:default/no-insights',
  /** Entities owned by team-b, groups and users: no path at all. */
  noPaths: 'user:default/no-paths',
} as const;

type Criteria = PermissionCriteria<PermissionCondition<'catalog-entity'>>;

const U = CONDITIONAL_USERS;

/** The conditions under which each restricted user reads an entity. */
function catalogReadCriteria(user: string): Criteria | undefined {
  switch (user) {
    case U.ownerReader:
    case U.ownerViewer:
      return {
        anyOf: [
          catalogConditions.isEntityOwner({
            claims: ['group:default/team-b', U.ownerReader],
          }),
          catalogConditions.isEntityKind({
            kinds: [GOLDEN_PATH_KIND_LOWER, 'group', 'user'],
          }),
        ],
      };
    case U.labelReader:
    case U.labelViewer:
      return {
        anyOf: [
          catalogConditions.isEntityKind({ kinds: ['group', 'user'] }),
          {
            allOf: [
              catalogConditions.isEntityKind({
                kinds: [GOLDEN_PATH_KIND_LOWER],
              }),
              {
                not: catalogConditions.hasLabel({
                  label: 'confidentiality',
                  value: 'restricted',
                }),
              },
            ],
          },
          {
            allOf: [
              catalogConditions.hasLabel({
                label: 'visibility',
                value: 'internal',
              }),
              {
                not: catalogConditions.hasAnnotation({
                  annotation: EMBARGO_ANNOTATION,
                }),
              },
            ],
          },
        ],
      };
    case U.systemReader:
    case U.systemViewer:
      return {
        anyOf: [
          catalogConditions.isEntityKind({
            kinds: [GOLDEN_PATH_KIND_LOWER, 'group', 'user'],
          }),
          isInSystem({ systemRef: 'system:default/payments' }),
        ],
      };
    case U.noPaths:
      return {
        anyOf: [
          catalogConditions.isEntityOwner({
            claims: ['group:default/team-b', U.noPaths],
          }),
          catalogConditions.isEntityKind({ kinds: ['group', 'user'] }),
        ],
      };
    default:
      return undefined;
  }
}

const VIEWERS: string[] = [U.ownerViewer, U.labelViewer, U.systemViewer];

function decide(
  permission: RequestedPermission,
  user: string | undefined,
): PolicyDecision {
  if (user === 'service') {
    return { result: AuthorizeResult.ALLOW };
  }
  if (user === undefined) {
    return { result: AuthorizeResult.DENY };
  }
  if (
    isResourcePermission(permission) &&
    isPermission(permission, catalogEntityReadPermission)
  ) {
    const criteria = catalogReadCriteria(user);
    return criteria
      ? createCatalogConditionalDecision(permission, criteria)
      : { result: AuthorizeResult.ALLOW };
  }
  if (user === U.noInsights && permission.name.startsWith('golden-paths.')) {
    return { result: AuthorizeResult.DENY };
  }
  if (
    VIEWERS.includes(user) &&
    (isPermission(permission, goldenPathsUpgradeCreatePermission) ||
      isPermission(permission, goldenPathsRefreshPermission))
  ) {
    return { result: AuthorizeResult.DENY };
  }
  return { result: AuthorizeResult.ALLOW };
}

/**
 * The policy above behind the permissions service, as the permission
 * backend would serve it: services may do anything; a conditional decision
 * on one resource is decided by the plugin that owns the resource (its
 * apply-conditions endpoint, with the rules it registered, custom ones
 * included); the catalog turns conditional query decisions into its own
 * filters.
 */
export class ConditionalPermissions extends PolicyPermissions {
  readonly #auth: AuthService;
  readonly #discovery: DiscoveryService;

  constructor(options: { auth: AuthService; discovery: DiscoveryService }) {
    super();
    this.#auth = options.auth;
    this.#discovery = options.discovery;
  }

  protected decide(
    permission: RequestedPermission,
    caller: string | undefined,
  ): PolicyDecision {
    return decide(permission, caller);
  }

  protected async decideOne(
    decision: PolicyDecision,
    request: AuthorizePermissionRequest,
  ): Promise<DefinitivePolicyDecision> {
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision;
    }
    if (!request.resourceRef) {
      return { result: AuthorizeResult.DENY };
    }
    return this.#applyConditions(decision, request.resourceRef);
  }

  async #applyConditions(
    decision: ConditionalPolicyDecision,
    resourceRef: string,
  ): Promise<DefinitivePolicyDecision> {
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: decision.pluginId,
    });
    const response = await fetch(
      `${await this.#discovery.getBaseUrl(
        decision.pluginId,
      )}/.well-known/backstage/permissions/apply-conditions`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          items: [
            {
              id: '1',
              resourceRef,
              resourceType: decision.resourceType,
              conditions: decision.conditions,
            },
          ],
        }),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const { items } = (await response.json()) as {
      items: Array<{ result: AuthorizeResult.ALLOW | AuthorizeResult.DENY }>;
    };
    return { result: items[0].result };
  }
}

/** Installs {@link ConditionalPermissions} as every plugin's permissions service. */
export const conditionalPermissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: { auth: coreServices.auth, discovery: coreServices.discovery },
  factory: deps => new ConditionalPermissions(deps),
});

import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type {
  AuthorizePermissionRequest,
  DefinitivePolicyDecision,
  PolicyDecision,
  QueryPermissionRequest,
} from '@backstage/plugin-permission-common';

/** A permission as a query or an authorization request names it. */
export type RequestedPermission =
  | QueryPermissionRequest['permission']
  | AuthorizePermissionRequest['permission'];

/**
 * Who is asking: a user's entity ref, `'service'` for a service, or
 * undefined for no one.
 */
export function callerOf(
  credentials: BackstageCredentials,
): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
  };
  if (principal.type === 'service') {
    return 'service';
  }
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * A permissions service over a test policy: `decide` answers a permission
 * for a caller, as a query (conditions included) or for one request,
 * which `decideOne` makes definitive.
 */
export abstract class PolicyPermissions implements PermissionsService {
  /** The policy's decision on `permission` for `caller` (see {@link callerOf}). */
  protected abstract decide(
    permission: RequestedPermission,
    caller: string | undefined,
  ): PolicyDecision;

  /** The definitive decision on one request, given the policy's. */
  protected abstract decideOne(
    decision: PolicyDecision,
    request: AuthorizePermissionRequest,
  ): DefinitivePolicyDecision | Promise<DefinitivePolicyDecision>;

  async authorizeConditional(
    requests: QueryPermissionRequest[],
    options: { credentials: BackstageCredentials },
  ): Promise<PolicyDecision[]> {
    const caller = callerOf(options.credentials);
    return requests.map(request => this.decide(request.permission, caller));
  }

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: { credentials: BackstageCredentials },
  ): Promise<DefinitivePolicyDecision[]> {
    const caller = callerOf(options.credentials);
    return Promise.all(
      requests.map(async request =>
        this.decideOne(this.decide(request.permission, caller), request),
      ),
    );
  }
}

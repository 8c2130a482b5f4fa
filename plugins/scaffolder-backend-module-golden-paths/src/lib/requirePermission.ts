import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * Refuses with `NotAllowedError` unless the credentials hold the permission:
 * the same check, with the same words, as the Golden Paths route that does
 * the same thing, so that a template cannot do what the API would refuse.
 */
export async function requirePermission(
  permissions: PermissionsService,
  options: {
    permission: BasicPermission;
    credentials: BackstageCredentials;
    /** What is refused, e.g. "run golden-path upgrades". */
    action: string;
  },
): Promise<void> {
  const { permission, credentials, action } = options;
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`You may not ${action} (${permission.name})`);
  }
}

import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who a request is from, as a key: the principal's type with its user
 * entity ref (a user) or subject (a service), for what is kept or counted
 * per caller (upgrade plans, rate limits).
 *
 * @public
 */
export function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${principal.userEntityRef ?? principal.subject}`;
}

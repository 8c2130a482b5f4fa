import type { IdentityProviders } from '@backstage/core-components';
import { githubAuthApiRef } from '@backstage/core-plugin-api';

/** GitHub sign-in, configured by `auth.providers.github` in the backend. */
export const githubProvider = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in using GitHub',
  apiRef: githubAuthApiRef,
};

/**
 * The providers the sign-in page offers for `auth.environment` (Backstage's
 * default is `development`). Guest sign-in keeps the embedded default
 * usable with no account anywhere, so it is offered in development only:
 * the backend refuses it elsewhere, and a button that can only fail has no
 * place on a production sign-in page.
 */
export function signInProviders(
  environment: string | undefined,
): IdentityProviders {
  return (environment ?? 'development') === 'development'
    ? ['guest', githubProvider]
    : [githubProvider];
}

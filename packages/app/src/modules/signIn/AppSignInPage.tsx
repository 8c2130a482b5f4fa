import { SignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { signInProviders } from './signInProviders';

/** The app's sign-in page: guest and GitHub in development, GitHub elsewhere. */
export function AppSignInPage(props: SignInPageProps) {
  const environment =
    useApi(configApiRef).getOptionalString('auth.environment');
  return <SignInPage {...props} providers={signInProviders(environment)} />;
}

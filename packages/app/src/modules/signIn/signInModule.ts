import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Replaces the app plugin's default sign-in page (guest only) with one that
 * offers GitHub as well, and guest only in development.
 */
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => (await import('./AppSignInPage')).AppSignInPage,
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});

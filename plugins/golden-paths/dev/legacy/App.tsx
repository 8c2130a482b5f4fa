// The legacy example app: what an adopter's packages/app/src/App.tsx needs
// for golden paths on the legacy frontend system. The README's legacy
// install quotes this file; a test keeps them in step and renders its routes.
// An app made by create-app also has its own APIs (apis.ts), sign-in page
// and sidebar (Root.tsx); they do not change for golden paths.
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { AlertDisplay, OAuthRequestDialog } from '@backstage/core-components';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  catalogPlugin,
} from '@backstage/plugin-catalog';
import { ScaffolderPage, scaffolderPlugin } from '@backstage/plugin-scaffolder';
import { ScaffolderFieldExtensions } from '@backstage/plugin-scaffolder-react';
import {
  GoldenPathCostPreviewFieldExtension,
  GoldenPathsPage,
  goldenPathsPlugin,
} from '@golden-paths/golden-paths';
import { Navigate, Route } from 'react-router-dom';
import { entityPage } from './EntityPage';

const app = createApp({
  bindRoutes({ bind }) {
    bind(catalogPlugin.externalRoutes, {
      createComponent: scaffolderPlugin.routes.root,
      createFromTemplate: scaffolderPlugin.routes.selectedTemplate,
    });
    // "Start" on a golden path opens its template in the scaffolder.
    bind(goldenPathsPlugin.externalRoutes, {
      template: scaffolderPlugin.routes.selectedTemplate,
    });
  },
});

/**
 * The app's pages. Exported for the test that renders them.
 */
export const routes = (
  <FlatRoutes>
    <Route path="/" element={<Navigate to="catalog" />} />
    <Route path="/catalog" element={<CatalogIndexPage />} />
    <Route
      path="/catalog/:namespace/:kind/:name"
      element={<CatalogEntityPage />}
    >
      {entityPage}
    </Route>
    <Route path="/create" element={<ScaffolderPage />}>
      <ScaffolderFieldExtensions>
        <GoldenPathCostPreviewFieldExtension />
      </ScaffolderFieldExtensions>
    </Route>
    <Route path="/golden-paths" element={<GoldenPathsPage />} />
  </FlatRoutes>
);

export default app.createRoot(
  <>
    <AlertDisplay />
    <OAuthRequestDialog />
    <AppRouter>{routes}</AppRouter>
  </>,
);

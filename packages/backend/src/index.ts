/*
 * The Golden Paths portal backend: the plugins a new user needs to try golden
 * paths with no account anywhere (guest sign-in, SQLite in memory, local
 * example catalog), plus this repository's own modules.
 */

import { createBackend } from '@backstage/backend-defaults';
import { goldenPathsLocalUrlReaderServiceFactory } from '@golden-paths/golden-paths-node';
import { goldenPathsRunbookCheckModule } from './modules/runbookCheckModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth: guest sign-in in development; GitHub sign-in where
// auth.providers.github is configured (app-config.production.yaml)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

// catalog, with the Template kind and the GoldenPath kind
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@golden-paths/catalog-backend-module-golden-paths'));

// scaffolder, with the golden-path actions; templates publish to local git
// repositories (goldenPaths.scaffolder.localPublish.directory), which the
// catalog reads through a URL reader limited to that directory and to
// goldenPaths.localRepositories.directories (the example repositories)
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@golden-paths/scaffolder-backend-module-golden-paths'));
backend.add(goldenPathsLocalUrlReaderServiceFactory);
// publish:github, for templates of a deployment with a GitHub integration
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));

// golden paths: adoption, compliance and drift, evaluated on a schedule;
// the runbook check is this portal's example of adding a check of your own
backend.add(import('@golden-paths/golden-paths-backend'));
backend.add(goldenPathsRunbookCheckModule);

// permissions: everything is allowed until an adopter brings a policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// events and signals: live updates between plugins and to the browser
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// search over the catalog, in memory (Lunr) by default
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.start();

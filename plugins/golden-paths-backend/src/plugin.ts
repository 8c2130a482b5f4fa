import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { goldenPathsPermissions } from '@golden-paths/golden-paths-common';
import {
  componentUpgraderServiceRef,
  type GoldenPathCheck,
  goldenPathsChecksExtensionPoint,
} from '@golden-paths/golden-paths-node';
import { DatabaseEvaluationStore } from './database/DatabaseEvaluationStore';
import { readEvaluationSchedule } from './evaluationSchedule';
import { createRouter, EVALUATION_TASK_ID } from './router';
import { createBuiltInChecks } from './services/checks';
import { CheckRegistry } from './services/evaluation/CheckRegistry';
import { EvaluationService } from './services/evaluation/EvaluationService';
import { CatalogVisibility } from './services/insights/CatalogVisibility';
import { InsightsService } from './services/insights/InsightsService';
import { readRepositoryLimits } from './services/repositories/RepositoryLimits';
import { RepositoryReader } from './services/repositories/RepositoryReader';
import {
  readUpgradeRateLimits,
  UpgradeRateLimiter,
} from './services/upgrades/UpgradeRateLimiter';
import { UpgradeService } from './services/upgrades/UpgradeService';

/**
 * The Golden Paths backend: evaluates every golden path's followers on a
 * schedule and serves adoption, compliance, drift and history.
 *
 * @public
 */
export const goldenPathsPlugin = createBackendPlugin({
  pluginId: 'golden-paths',
  register(env) {
    const addedChecks: GoldenPathCheck[] = [];
    let started = false;
    env.registerExtensionPoint(goldenPathsChecksExtensionPoint, {
      addChecks(...checks) {
        if (started) {
          throw new Error(
            'Golden-path checks must be added before the golden-paths plugin starts',
          );
        }
        addedChecks.push(...checks);
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        componentUpgrader: componentUpgraderServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init(deps) {
        started = true;
        const { config, logger, scheduler } = deps;
        deps.permissionsRegistry.addPermissions(goldenPathsPermissions);

        const store = await DatabaseEvaluationStore.create({
          database: deps.database,
        });
        const limits = readRepositoryLimits(config);
        const evaluation = new EvaluationService({
          catalog: deps.catalog,
          auth: deps.auth,
          store,
          repositories: new RepositoryReader({
            urlReader: deps.urlReader,
            store,
            logger,
            limits,
          }),
          checks: new CheckRegistry(
            createBuiltInChecks({
              costLabels: config.getOptionalStringArray(
                'goldenPaths.evaluation.costLabels',
              ),
            }),
            addedChecks,
          ),
          logger,
          maxReadsPerRun: limits.maxReadsPerRun,
        });

        await scheduler.scheduleTask({
          id: EVALUATION_TASK_ID,
          scope: 'global',
          ...readEvaluationSchedule(config),
          fn: async () => {
            const startedAt = Date.now();
            try {
              const stats = await evaluation.evaluate();
              logger.info(
                `Evaluated ${stats.components} components following ${
                  stats.paths
                } golden paths in ${Date.now() - startedAt} ms (${
                  stats.catalogRequests
                } catalog requests, ${
                  stats.repositoryReads
                } repository reads, ${
                  stats.repositoryNotModified
                } not modified, ${stats.repositoryFailures} failed)`,
              );
            } catch (error) {
              logger.error(
                `Golden-path evaluation failed: ${stringifyError(error)}`,
              );
              throw error;
            }
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            scheduler,
            insights: new InsightsService({
              store,
              permissions: deps.permissions,
              visibility: new CatalogVisibility({
                catalog: deps.catalog,
                permissions: deps.permissions,
              }),
            }),
            upgrader: new UpgradeService({
              limiter: new UpgradeRateLimiter(readUpgradeRateLimits(config)),
              upgrader: deps.componentUpgrader,
            }),
          }),
        );
      },
    });
  },
});

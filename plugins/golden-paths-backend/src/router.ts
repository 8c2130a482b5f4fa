import type {
  HttpAuthService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  GOLDEN_PATH_KIND,
  entityRefKey,
  goldenPathsRefreshPermission,
  goldenPathsUpgradeCreatePermission,
  normalizeEntityRef,
} from '@golden-paths/golden-paths-common';
import express from 'express';
import { z } from 'zod';
import { createOpenApiRouter } from './schema/openapi.generated';
import type { InsightsService } from './services/insights/InsightsService';
import type { UpgradeService } from './services/upgrades/UpgradeService';
import { validateCatalogYaml } from './services/validation';

/** The id of the scheduled evaluation task. */
export const EVALUATION_TASK_ID = 'golden-paths-evaluation';

const DEFAULT_LIMIT = 100;

const limitSchema = z
  .string()
  .regex(/^\d+$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(500))
  .optional();

/** `a,b`, or the array the OpenAPI validator already split. */
const listParam = z.union([z.string(), z.array(z.string())]).optional();

const listSchema = z.object({
  category: listParam,
  lifecycle: listParam,
  owner: listParam,
  guarantee: listParam,
  limit: limitSchema,
  cursor: z.string().optional(),
});

const pageSchema = listSchema.pick({ limit: true, cursor: true });

const historySchema = z.object({
  from: z.string().date().optional(),
  to: z.string().date().optional(),
});

const validateSchema = z.object({
  yaml: z.string().max(1024 * 1024 + 1),
  fileName: z.string().optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `Invalid ${where}: ${issue.path.join('.') || 'value'}: ${issue.message}`,
    );
  }
  return result.data;
}

function list(value: string | string[] | undefined): string[] | undefined {
  const items = (Array.isArray(value) ? value : value?.split(','))
    ?.flatMap(item => item.split(','))
    .map(item => item.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

function pathRef(params: { namespace: string; name: string }): string {
  return entityRefKey({ kind: GOLDEN_PATH_KIND, ...params });
}

/**
 * The HTTP routes: parse, call a service with the caller's credentials,
 * return. Every route needs user or service credentials.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  scheduler: SchedulerService;
  insights: InsightsService;
  upgrader: UpgradeService;
}): Promise<express.Router> {
  const { httpAuth, permissions, scheduler, insights, upgrader } = options;
  const router = await createOpenApiRouter({
    middleware: [express.json({ limit: '2mb' })],
  });

  router.get('/paths', async (req, res) => {
    const query = parse(listSchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json(
      await insights.listPaths(
        {
          category: list(query.category),
          lifecycle: list(query.lifecycle),
          owner: list(query.owner)?.map(
            owner =>
              normalizeEntityRef(owner, { defaultKind: 'group' }) ?? owner,
          ),
          guarantee: list(query.guarantee),
          limit: query.limit ?? DEFAULT_LIMIT,
          cursor: query.cursor,
        },
        { credentials },
      ),
    );
  });

  router.get('/paths/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await insights.getPath(pathRef(req.params), { credentials }));
  });

  router.get('/paths/:namespace/:name/followers', async (req, res) => {
    const query = parse(pageSchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json(
      await insights.listFollowers(
        pathRef(req.params),
        { limit: query.limit ?? DEFAULT_LIMIT, cursor: query.cursor },
        { credentials },
      ),
    );
  });

  router.get('/paths/:namespace/:name/history', async (req, res) => {
    const query = parse(historySchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json(
      await insights.getHistory(pathRef(req.params), query, { credentials }),
    );
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { kind, namespace, name } = req.params;
    res.json(
      await insights.getEntityResult(
        `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US'),
        { credentials },
      ),
    );
  });

  router.get('/entities/:kind/:namespace/:name/upgrade', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { kind, namespace, name } = req.params;
    res.json(
      await upgrader.plan({
        entityRef: `${kind}:${namespace}/${name}`,
        credentials,
      }),
    );
  });

  router.post('/entities/:kind/:namespace/:name/upgrade', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: goldenPathsUpgradeCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You may not run golden-path upgrades (golden-paths.upgrade.create)',
      );
    }
    const { kind, namespace, name } = req.params;
    res.json(
      await upgrader.run({
        entityRef: `${kind}:${namespace}/${name}`,
        credentials,
      }),
    );
  });

  router.get('/paths/:namespace/:name/upgrade-plans', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await upgrader.planFollowers({
        pathRef: pathRef(req.params),
        credentials,
        candidates: () =>
          insights.followerVersions(pathRef(req.params), { credentials }),
      }),
    );
  });

  router.post('/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: goldenPathsRefreshPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You may not start a golden-path evaluation (golden-paths.refresh)',
      );
    }
    try {
      await scheduler.triggerTask(EVALUATION_TASK_ID);
    } catch (error) {
      if ((error as Error)?.name === 'ConflictError') {
        throw new ConflictError('An evaluation is already running');
      }
      throw error;
    }
    res.status(202).json({ status: 'scheduled' });
  });

  router.post('/validate', async (req, res) => {
    await httpAuth.credentials(req);
    const body = parse(validateSchema, req.body, 'request body');
    res.json(await validateCatalogYaml(body.yaml));
  });

  // A refusal for load (429, 503) says when to come back.
  router.use(
    (
      error: unknown,
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      const seconds = (error as { retryAfterSeconds?: unknown })
        ?.retryAfterSeconds;
      if (typeof seconds === 'number' && !res.headersSent) {
        res.setHeader('Retry-After', String(seconds));
      }
      next(error);
    },
  );

  return router;
}

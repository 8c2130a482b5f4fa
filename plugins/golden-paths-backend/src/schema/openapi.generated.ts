// This file is generated from openapi.yaml by `npm run openapi:generate`.
// Do not edit it by hand.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'golden-paths',
    version: '1',
    description:
      "Adoption, compliance with each golden path's guarantees, version drift and history, as of the last completed evaluation. Every route needs Backstage credentials; lists and counts only include entities the caller may read in the catalog.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/paths': {
      get: {
        operationId: 'ListPaths',
        description:
          'Every golden path with its adoption, compliance and drift.',
        parameters: [
          {
            $ref: '#/components/parameters/category',
          },
          {
            $ref: '#/components/parameters/lifecycle',
          },
          {
            $ref: '#/components/parameters/owner',
          },
          {
            $ref: '#/components/parameters/guarantee',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'One page of paths, ordered by entity ref.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/PathSummary',
                      },
                    },
                    nextCursor: {
                      type: 'string',
                    },
                  },
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/paths/{namespace}/{name}': {
      get: {
        operationId: 'GetPath',
        description:
          'One golden path with its figures and the versions its followers are on.',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The path.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PathDetails',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/paths/{namespace}/{name}/followers': {
      get: {
        operationId: 'ListFollowers',
        description:
          'The components that follow a path, with their check results and drift.',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'One page of followers, ordered by entity ref.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/FollowerResult',
                      },
                    },
                    nextCursor: {
                      type: 'string',
                    },
                  },
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/paths/{namespace}/{name}/history': {
      get: {
        operationId: 'GetPathHistory',
        description: 'Adoption and compliance of a path per day (UTC).',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'from',
            in: 'query',
            description:
              'First day, YYYY-MM-DD. Defaults to 90 days before `to`.',
            schema: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            },
          },
          {
            name: 'to',
            in: 'query',
            description: 'Last day, YYYY-MM-DD. Defaults to today.',
            schema: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Days in range, oldest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/HistoryPoint',
                      },
                    },
                    restricted: {
                      type: 'boolean',
                      description:
                        "True when the caller may not read every follower: each day's figures are then counted over the followers the caller may read (one that has since left the catalog by what was last known of it), from the first day such per-follower history was recorded.",
                    },
                  },
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetEntityResult',
        description:
          'The path an entity follows, its drift and each check with its reason. Answers 404, in the same words, when the entity follows no golden path, has not been evaluated yet, or the caller may not read the entity or its path in the catalog (nothing of a path the caller may not read is revealed, not even that it exists).',
        parameters: [
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: "The entity's result.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/upgrade': {
      get: {
        operationId: 'PlanUpgrade',
        description:
          "A dry upgrade of a component to its path's current version; nothing is written.",
        parameters: [
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The plan.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UpgradePlan',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'RunUpgrade',
        description:
          'Runs the upgrade and delivers it on the branch golden-paths/upgrade-<path>, never on the default branch.',
        parameters: [
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The plan that was run and where it was delivered.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UpgradeResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/paths/{namespace}/{name}/upgrade-plans': {
      get: {
        operationId: 'PlanPathUpgrades',
        description:
          'Dry upgrade plans for the followers of a path that are behind it (at most goldenPaths.upgrades.maxFollowersPerRequest, default 20, oldest version first; the rest counted as omitted).',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The plans.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PathUpgradePlans',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/refresh': {
      post: {
        operationId: 'Refresh',
        description:
          "Starts an evaluation now, on one of the backend's instances.",
        responses: {
          '202': {
            description: 'The evaluation was scheduled.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['status'],
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['scheduled'],
                    },
                  },
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/validate': {
      post: {
        operationId: 'Validate',
        description:
          'Validates catalog YAML (one or more documents) and returns the problems with line and column, as the golden-paths CLI prints them.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['yaml'],
                additionalProperties: false,
                properties: {
                  yaml: {
                    type: 'string',
                    description: 'The YAML text.',
                  },
                  fileName: {
                    type: 'string',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The problems, none when valid.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['valid', 'problems'],
                  properties: {
                    valid: {
                      type: 'boolean',
                    },
                    problems: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/YamlProblem',
                      },
                    },
                  },
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
  components: {
    parameters: {
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      category: {
        name: 'category',
        in: 'query',
        description:
          'Comma-separated (or repeated) categories; a path matches any of them.',
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
        style: 'form',
        explode: false,
      },
      lifecycle: {
        name: 'lifecycle',
        in: 'query',
        description:
          'Comma-separated (or repeated) lifecycles; a path matches any of them.',
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
        style: 'form',
        explode: false,
      },
      owner: {
        name: 'owner',
        in: 'query',
        description:
          'Comma-separated (or repeated) owner entity refs; a path matches any of them.',
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
        style: 'form',
        explode: false,
      },
      guarantee: {
        name: 'guarantee',
        in: 'query',
        description:
          'Comma-separated (or repeated) guarantee ids; a path matches when it lists all of them.',
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
        style: 'form',
        explode: false,
      },
      limit: {
        name: 'limit',
        in: 'query',
        description: 'Page size, 1 to 500 (default 100).',
        schema: {
          type: 'string',
          pattern: '^[0-9]+$',
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        description: 'The `nextCursor` of the previous page.',
        schema: {
          type: 'string',
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: 'An error.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            additionalProperties: false,
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
            additionalProperties: false,
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      CheckStatus: {
        type: 'string',
        enum: ['pass', 'fail', 'unknown'],
      },
      DriftStatus: {
        type: 'string',
        enum: [
          'up-to-date',
          'patch-behind',
          'minor-behind',
          'major-behind',
          'ahead',
          'unknown',
        ],
      },
      CheckResult: {
        type: 'object',
        required: ['id', 'title', 'status', 'reason'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/CheckStatus',
          },
          reason: {
            type: 'string',
          },
          fix: {
            type: 'string',
          },
        },
        additionalProperties: false,
      },
      DriftInfo: {
        type: 'object',
        required: ['status', 'latestVersion', 'deprecated'],
        properties: {
          status: {
            $ref: '#/components/schemas/DriftStatus',
          },
          currentVersion: {
            type: 'string',
          },
          latestVersion: {
            type: 'string',
          },
          deprecated: {
            type: 'boolean',
          },
          replacedBy: {
            type: 'string',
          },
        },
        additionalProperties: false,
      },
      GuaranteeStats: {
        type: 'object',
        required: ['id', 'title', 'pass', 'fail', 'unknown', 'passRatio'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          pass: {
            type: 'integer',
          },
          fail: {
            type: 'integer',
          },
          unknown: {
            type: 'integer',
          },
          passRatio: {
            type: 'number',
            nullable: true,
          },
        },
        additionalProperties: false,
      },
      DriftCounts: {
        type: 'object',
        required: [
          'up-to-date',
          'patch-behind',
          'minor-behind',
          'major-behind',
          'ahead',
          'unknown',
          'deprecated',
        ],
        properties: {
          'up-to-date': {
            type: 'integer',
          },
          'patch-behind': {
            type: 'integer',
          },
          'minor-behind': {
            type: 'integer',
          },
          'major-behind': {
            type: 'integer',
          },
          ahead: {
            type: 'integer',
          },
          unknown: {
            type: 'integer',
          },
          deprecated: {
            type: 'integer',
          },
        },
        additionalProperties: false,
      },
      PathSummary: {
        type: 'object',
        required: [
          'ref',
          'namespace',
          'name',
          'title',
          'tags',
          'owner',
          'lifecycle',
          'category',
          'version',
          'templates',
          'guarantees',
          'stack',
          'adoption',
          'compliant',
          'complianceRatio',
          'checks',
          'drift',
        ],
        properties: {
          ref: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          tags: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          owner: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          category: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          replacedBy: {
            type: 'string',
          },
          templates: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          guarantees: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          stack: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          adoption: {
            type: 'integer',
          },
          compliant: {
            type: 'integer',
          },
          complianceRatio: {
            type: 'number',
            nullable: true,
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/GuaranteeStats',
            },
          },
          drift: {
            $ref: '#/components/schemas/DriftCounts',
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          versionSince: {
            type: 'string',
            format: 'date-time',
            description:
              'When an evaluation first saw the path at its current spec.version.',
          },
        },
        additionalProperties: false,
      },
      PathDetails: {
        type: 'object',
        required: [
          'ref',
          'namespace',
          'name',
          'title',
          'tags',
          'owner',
          'lifecycle',
          'category',
          'version',
          'templates',
          'guarantees',
          'stack',
          'adoption',
          'compliant',
          'complianceRatio',
          'checks',
          'drift',
          'versions',
        ],
        properties: {
          ref: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          tags: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          owner: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          category: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          replacedBy: {
            type: 'string',
          },
          templates: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          guarantees: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          stack: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          adoption: {
            type: 'integer',
          },
          compliant: {
            type: 'integer',
          },
          complianceRatio: {
            type: 'number',
            nullable: true,
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/GuaranteeStats',
            },
          },
          drift: {
            $ref: '#/components/schemas/DriftCounts',
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          versions: {
            type: 'array',
            items: {
              type: 'object',
              required: ['version', 'count'],
              properties: {
                version: {
                  type: 'string',
                },
                count: {
                  type: 'integer',
                },
              },
              additionalProperties: false,
            },
          },
          versionSince: {
            type: 'string',
            format: 'date-time',
            description:
              'When an evaluation first saw the path at its current spec.version.',
          },
        },
        additionalProperties: false,
      },
      FollowerResult: {
        type: 'object',
        required: [
          'entityRef',
          'pathRef',
          'drift',
          'checks',
          'compliant',
          'evaluatedAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          pathRef: {
            type: 'string',
          },
          drift: {
            $ref: '#/components/schemas/DriftInfo',
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CheckResult',
            },
          },
          compliant: {
            type: 'boolean',
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        additionalProperties: false,
      },
      EntityResult: {
        type: 'object',
        required: [
          'entityRef',
          'pathRef',
          'drift',
          'checks',
          'compliant',
          'evaluatedAt',
          'path',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          pathRef: {
            type: 'string',
          },
          drift: {
            $ref: '#/components/schemas/DriftInfo',
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CheckResult',
            },
          },
          compliant: {
            type: 'boolean',
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          path: {
            type: 'object',
            required: ['ref', 'title', 'version', 'lifecycle'],
            properties: {
              ref: {
                type: 'string',
              },
              title: {
                type: 'string',
              },
              version: {
                type: 'string',
              },
              lifecycle: {
                type: 'string',
              },
              replacedBy: {
                type: 'string',
              },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      HistoryPoint: {
        type: 'object',
        required: ['day', 'adoption', 'compliant', 'complianceRatio'],
        properties: {
          day: {
            type: 'string',
          },
          adoption: {
            type: 'integer',
          },
          compliant: {
            type: 'integer',
          },
          complianceRatio: {
            type: 'number',
            nullable: true,
          },
        },
        additionalProperties: false,
      },
      UpgradeFileChange: {
        type: 'object',
        required: ['path', 'outcome', 'flagged', 'detail'],
        properties: {
          path: {
            type: 'string',
          },
          previousPath: {
            type: 'string',
          },
          outcome: {
            type: 'string',
            enum: [
              'taken',
              'merged',
              'conflict',
              'added',
              'added-conflict',
              'deleted',
              'kept-modified',
              'stays-deleted',
              'binary-kept',
              'renamed',
              'recopied',
              'overwritten',
            ],
          },
          flagged: {
            type: 'boolean',
          },
          detail: {
            type: 'string',
          },
        },
        additionalProperties: false,
      },
      UpgradeSummary: {
        type: 'object',
        required: ['changed', 'conflicts', 'flagged'],
        properties: {
          changed: {
            type: 'integer',
          },
          conflicts: {
            type: 'integer',
          },
          flagged: {
            type: 'integer',
          },
        },
        additionalProperties: false,
      },
      UpgradeDelivery: {
        type: 'object',
        required: ['kind', 'branch', 'repository'],
        properties: {
          kind: {
            type: 'string',
            enum: ['local-branch', 'pull-request'],
          },
          branch: {
            type: 'string',
          },
          repository: {
            type: 'string',
            description:
              "A local repository's folder within the configured local repositories directory (never the host's absolute path), or the Git host's URL as the catalog names it.",
          },
          commit: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
        },
        additionalProperties: false,
      },
      UpgradePlan: {
        type: 'object',
        required: [
          'entityRef',
          'path',
          'fromVersion',
          'toVersion',
          'mode',
          'files',
          'summary',
          'delivery',
          'timings',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          path: {
            type: 'object',
            required: ['entityRef'],
            properties: {
              entityRef: {
                type: 'string',
              },
              title: {
                type: 'string',
              },
            },
            additionalProperties: false,
          },
          fromVersion: {
            type: 'string',
          },
          toVersion: {
            type: 'string',
          },
          mode: {
            type: 'string',
            enum: ['merge', 'recopy'],
          },
          recopyReason: {
            type: 'string',
          },
          notes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          files: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/UpgradeFileChange',
            },
          },
          summary: {
            $ref: '#/components/schemas/UpgradeSummary',
          },
          delivery: {
            $ref: '#/components/schemas/UpgradeDelivery',
          },
          releaseNotes: {
            type: 'string',
          },
          timings: {
            type: 'object',
            required: ['renderMs', 'mergeMs'],
            properties: {
              renderMs: {
                type: 'number',
              },
              mergeMs: {
                type: 'number',
              },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      UpgradeResult: {
        type: 'object',
        required: ['plan', 'delivery'],
        properties: {
          plan: {
            $ref: '#/components/schemas/UpgradePlan',
          },
          delivery: {
            $ref: '#/components/schemas/UpgradeDelivery',
          },
        },
        additionalProperties: false,
      },
      PathUpgradePlans: {
        type: 'object',
        required: ['path', 'followers'],
        properties: {
          path: {
            type: 'object',
            required: ['entityRef', 'version'],
            properties: {
              entityRef: {
                type: 'string',
              },
              title: {
                type: 'string',
              },
              version: {
                type: 'string',
              },
            },
            additionalProperties: false,
          },
          followers: {
            type: 'array',
            items: {
              type: 'object',
              required: ['entityRef'],
              properties: {
                entityRef: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                version: {
                  type: 'string',
                },
                plan: {
                  type: 'object',
                  required: ['fromVersion', 'toVersion', 'mode', 'summary'],
                  properties: {
                    fromVersion: {
                      type: 'string',
                    },
                    toVersion: {
                      type: 'string',
                    },
                    mode: {
                      type: 'string',
                      enum: ['merge', 'recopy'],
                    },
                    recopyReason: {
                      type: 'string',
                    },
                    summary: {
                      $ref: '#/components/schemas/UpgradeSummary',
                    },
                  },
                  additionalProperties: false,
                },
                error: {
                  type: 'string',
                },
              },
              additionalProperties: false,
            },
          },
          omitted: {
            type: 'integer',
            description:
              'Followers behind the path that were not planned in this response.',
          },
        },
        additionalProperties: false,
      },
      YamlProblem: {
        type: 'object',
        required: [
          'message',
          'line',
          'column',
          'endLine',
          'endColumn',
          'severity',
        ],
        properties: {
          message: {
            type: 'string',
          },
          field: {
            type: 'string',
          },
          line: {
            type: 'integer',
          },
          column: {
            type: 'integer',
          },
          endLine: {
            type: 'integer',
          },
          endColumn: {
            type: 'integer',
          },
          documentIndex: {
            type: 'integer',
          },
          severity: {
            type: 'string',
            enum: ['error', 'warning'],
          },
        },
        additionalProperties: false,
      },
    },
  },
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);

import { promises as fs } from 'node:fs';
import { isAbsolute, posix, relative, win32 } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, isError } from '@backstage/errors';
import {
  createTemplateAction,
  TemplateActionOptions,
} from '@backstage/plugin-scaffolder-node';
import YAML from 'yaml';
import { examples } from './kubernetesManifests.examples';

const ACTION_ID = 'golden-paths:kubernetes:manifests';

/**
 * The zod instance the scaffolder hands to schema factories. Taken from the
 * scaffolder's own types so that this package does not depend on zod itself.
 */
type Zod = Parameters<
  NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>[string]
>[0];

type Workload =
  | 'service'
  | 'frontend'
  | 'data'
  | 'spark-job'
  | 'ml-training'
  | 'network-function';

/** Workloads that run behind a Service and get a PDB and autoscaling. */
const LONG_RUNNING: Workload[] = ['service', 'frontend', 'network-function'];

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** [registry[:port]/]path[:tag][@digest] */
const IMAGE_REFERENCE =
  /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
const QUANTITY =
  /^(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;
/** A NetworkAttachmentDefinition as Multus takes it: [namespace/]name[@interface]. */
const NETWORK_ATTACHMENT =
  /^(?:[a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?(?:@[A-Za-z0-9_.-]{1,15})?$/;
const EXTENDED_RESOURCE = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/[A-Za-z0-9_.-]+$/;
const SPARK_MEMORY = /^\d+[kmgt]?$/;
const CRON_MACRO =
  /^@(?:yearly|annually|monthly|weekly|daily|midnight|hourly)$/;
const CRON_FIELD = /^[0-9A-Za-z*?/,-]+$/;

function kubernetesManifestsInputSchema(z: Zod) {
  const labelValue = (what: string) =>
    z
      .string()
      .max(63)
      .regex(
        LABEL_VALUE,
        `${what} must be a Kubernetes label value (letters, digits, '-', '_', '.'; starting and ending with a letter or digit)`,
      );

  return z
    .object({
      name: z
        .string()
        .max(63)
        .regex(DNS_1123_LABEL, 'must be a DNS-1123 label (e.g. payments-api)')
        .describe('Name of the workload and of every object (DNS-1123 label)'),
      namespace: z
        .string()
        .max(63)
        .regex(DNS_1123_LABEL, 'must be a DNS-1123 label')
        .default('default')
        .describe('Namespace of every object'),
      partOf: labelValue('partOf')
        .optional()
        .describe(
          'Application this workload is part of (app.kubernetes.io/part-of)',
        ),
      workload: z
        .enum([
          'service',
          'frontend',
          'data',
          'spark-job',
          'ml-training',
          'network-function',
        ])
        .describe('Kind of workload, which decides the objects written'),
      image: z
        .string()
        .max(512)
        .regex(IMAGE_REFERENCE, 'must be an OCI image reference')
        .describe('Container image, tag or digest included'),
      port: z
        .number()
        .int()
        .min(1)
        .max(65535)
        .default(8080)
        .describe('Container port (service, frontend, network-function)'),
      replicas: z
        .number()
        .int()
        .min(1)
        .default(2)
        .describe(
          "Replicas when autoscaling.mode is 'vpa' or 'none' (with 'hpa' the HPA owns the count)",
        ),
      schedule: z
        .string()
        .default('0 * * * *')
        .describe("Cron schedule of the 'data' CronJob, in UTC"),
      resources: z
        .object({
          cpuRequest: z.string().default('250m'),
          memoryRequest: z.string().default('256Mi'),
          cpuLimit: z
            .string()
            .optional()
            .describe(
              'Omitted by default: CPU limits throttle the container even when the node has idle CPU',
            ),
          memoryLimit: z.string().default('512Mi'),
        })
        .strict()
        .default({})
        .describe('Container resources (Kubernetes quantities)'),
      autoscaling: z
        .object({
          mode: z
            .enum(['hpa', 'vpa', 'none'])
            .optional()
            .describe(
              "'hpa' for service and frontend, 'none' for network-function; ignored by batch workloads",
            ),
          minReplicas: z.number().int().min(1).default(2),
          maxReplicas: z.number().int().min(1).default(10),
          targetCPUUtilization: z.number().int().min(1).max(100).default(70),
        })
        .strict()
        .default({}),
      costLabels: z
        .object({
          team: labelValue('costLabels.team'),
          costCenter: labelValue('costLabels.costCenter'),
          goldenPath: labelValue('costLabels.goldenPath'),
        })
        .strict()
        .describe(
          'Cost allocation labels put on every object and pod (team, cost-center, golden-path)',
        ),
      observability: z
        .object({
          provider: z
            .enum(['opentelemetry', 'datadog', 'none'])
            .default('opentelemetry'),
          endpoint: z
            .string()
            .url()
            .default('http://otel-collector.observability:4317')
            .describe('OTLP endpoint (opentelemetry only)'),
          environment: labelValue('observability.environment')
            .default('production')
            .describe('Environment tag (datadog unified service tagging)'),
        })
        .strict()
        .default({}),
      spark: z
        .object({
          mainApplicationFile: z
            .string()
            .min(1)
            .describe('e.g. local:///opt/app/main.py'),
          type: z.enum(['Python', 'Scala']).default('Python'),
          mainClass: z
            .string()
            .min(1)
            .optional()
            .describe('Required for Scala applications'),
          sparkVersion: z
            .string()
            .regex(/^\d+\.\d+\.\d+$/)
            .default('3.5.1'),
          driverCores: z.number().int().min(1).default(1),
          driverMemory: z
            .string()
            .regex(SPARK_MEMORY, "must be a Spark memory size such as '1g'")
            .default('1g'),
          executorCores: z.number().int().min(1).default(1),
          executorMemory: z
            .string()
            .regex(SPARK_MEMORY, "must be a Spark memory size such as '2g'")
            .default('2g'),
          executorInstances: z.number().int().min(1).default(2),
        })
        .strict()
        .optional()
        .describe("Required for workload 'spark-job'"),
      training: z
        .object({
          framework: z.enum(['pytorch']).default('pytorch'),
          workers: z.number().int().min(1).default(2),
          gpusPerWorker: z.number().int().min(0).default(0),
          command: z.array(z.string().min(1)).min(1).optional(),
        })
        .strict()
        .default({})
        .describe("For workload 'ml-training'"),
      networkFunction: z
        .object({
          networks: z
            .array(
              z
                .string()
                .regex(
                  NETWORK_ATTACHMENT,
                  'must name a NetworkAttachmentDefinition: [namespace/]name[@interface]',
                ),
            )
            .min(
              1,
              'needs at least one Multus NetworkAttachmentDefinition name',
            ),
          sriovResource: z
            .string()
            .regex(
              EXTENDED_RESOURCE,
              "must be an extended resource name such as 'intel.com/sriov_netdevice'",
            )
            .optional(),
          sriovCount: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe(
              'Virtual functions to request; one per network by default',
            ),
          hugepages2Mi: z
            .string()
            .optional()
            .describe("2Mi hugepages to reserve, e.g. '1Gi'"),
          dpdk: z.boolean().default(false),
          healthProbe: z
            .enum(['http', 'tcp'])
            .default('http')
            .describe(
              "'http' probes /healthz and /readyz on the port; 'tcp' only connects, for a management port that is not HTTP",
            ),
        })
        .strict()
        .optional()
        .describe("Required for workload 'network-function'"),
      writableDirs: z
        .array(
          z
            .string()
            .regex(
              /^\/[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/,
              'must be an absolute path in the container',
            ),
        )
        .default(['/tmp'])
        .describe(
          'Directories that get an emptyDir, as the root filesystem is read-only (nginx, for one, needs /var/cache/nginx and /etc/nginx/conf.d)',
        ),
      runAsUser: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe(
          'UID to run as; needed when the image names its user (USER nonroot), which runAsNonRoot cannot verify',
        ),
      targetDir: z
        .string()
        .min(1)
        .default('k8s')
        .describe('Workspace-relative directory for the manifests'),
      overwrite: z
        .boolean()
        .default(false)
        .describe('Replace files that already exist in targetDir'),
    })
    .strict()
    .superRefine((input, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });

      const { resources } = input;
      const cpuRequest = parseQuantity(resources.cpuRequest);
      const memoryRequest = parseMemory(resources.memoryRequest);
      const memoryLimit = parseMemory(resources.memoryLimit);
      const cpuLimit =
        resources.cpuLimit === undefined
          ? undefined
          : parseQuantity(resources.cpuLimit);
      if (typeof cpuRequest === 'string') {
        issue(['resources', 'cpuRequest'], cpuRequest);
      }
      if (typeof memoryRequest === 'string') {
        issue(['resources', 'memoryRequest'], memoryRequest);
      }
      if (typeof memoryLimit === 'string') {
        issue(['resources', 'memoryLimit'], memoryLimit);
      }
      if (typeof cpuLimit === 'string') {
        issue(['resources', 'cpuLimit'], cpuLimit);
      }
      if (
        typeof memoryRequest === 'number' &&
        typeof memoryLimit === 'number' &&
        memoryLimit < memoryRequest
      ) {
        issue(
          ['resources', 'memoryLimit'],
          'must be at least resources.memoryRequest',
        );
      }
      if (
        typeof cpuRequest === 'number' &&
        typeof cpuLimit === 'number' &&
        cpuLimit < cpuRequest
      ) {
        issue(
          ['resources', 'cpuLimit'],
          'must be at least resources.cpuRequest',
        );
      }

      input.writableDirs.forEach((dir, index) => {
        if (dir.split('/').some(part => part === '..' || part === '.')) {
          issue(['writableDirs', index], 'must not contain . or .. segments');
        }
        if (input.writableDirs.indexOf(dir) !== index) {
          issue(['writableDirs', index], 'is listed twice');
        }
      });

      if (input.autoscaling.maxReplicas < input.autoscaling.minReplicas) {
        issue(
          ['autoscaling', 'maxReplicas'],
          'must be at least autoscaling.minReplicas',
        );
      }

      if (LONG_RUNNING.includes(input.workload) && !/^[a-z]/.test(input.name)) {
        issue(['name'], 'must start with a letter, as it also names a Service');
      }
      // The CronJob controller appends an 11-character suffix to Job names.
      if (input.workload === 'data' && input.name.length > 52) {
        issue(['name'], 'must be at most 52 characters for a CronJob');
      }
      if (input.workload === 'data' && !isCronSchedule(input.schedule)) {
        issue(
          ['schedule'],
          'must be a five-field cron expression or @hourly etc.',
        );
      }

      if (input.workload === 'spark-job') {
        if (!input.spark) {
          issue(['spark'], "is required for workload 'spark-job'");
        } else if (input.spark.type === 'Scala' && !input.spark.mainClass) {
          issue(['spark', 'mainClass'], 'is required for Scala applications');
        }
      }

      if (input.workload === 'network-function') {
        const nf = input.networkFunction;
        if (!nf) {
          issue(
            ['networkFunction', 'networks'],
            "is required for workload 'network-function'",
          );
        } else {
          if (nf.hugepages2Mi !== undefined) {
            const hugepages = parseMemory(nf.hugepages2Mi);
            if (typeof hugepages === 'string') {
              issue(['networkFunction', 'hugepages2Mi'], hugepages);
            } else if (hugepages % (2 * 1024 * 1024) !== 0) {
              issue(
                ['networkFunction', 'hugepages2Mi'],
                'must be a multiple of 2Mi',
              );
            }
          }
          if (nf.sriovCount !== undefined && !nf.sriovResource) {
            issue(
              ['networkFunction', 'sriovCount'],
              'needs networkFunction.sriovResource',
            );
          }
          // DPDK poll-mode drivers spin at 100% CPU by design, so a CPU
          // based HPA would always scale to maxReplicas.
          if (nf.dpdk && input.autoscaling.mode === 'hpa') {
            issue(
              ['autoscaling', 'mode'],
              "cannot be 'hpa' for a DPDK network function: poll-mode drivers keep CPU at 100%",
            );
          }
        }
      }
    });
}

type KubernetesManifestsInputSchema = ReturnType<
  typeof kubernetesManifestsInputSchema
>;
type Input = ReturnType<KubernetesManifestsInputSchema['parse']>;

type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
};

/** A comment attached to the key at `path` in the written YAML. */
type YamlComment = { path: (string | number)[]; text: string };

type ManifestFile = {
  fileName: string;
  object: KubernetesObject;
  comments: YamlComment[];
};

/**
 * Writes Kubernetes manifests for a golden-path workload: one file per object
 * plus a kustomization.yaml, with resource requests, cost labels,
 * observability settings, probes, hardened security contexts, autoscaling and
 * disruption budgets as the workload calls for.
 *
 * @public
 */
export function createKubernetesManifestsAction() {
  // The scaffolder validates action input against the JSON Schema generated
  // from this zod schema, which neither applies defaults nor runs the
  // cross-field checks. createTemplateAction builds the schema with its own
  // zod instance; we keep it to parse the input again in the handler, so
  // there is a single source for defaults and rules.
  let inputSchema: KubernetesManifestsInputSchema | undefined;

  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Writes Kubernetes manifests (one file per object and a kustomization.yaml) for a service, frontend, data CronJob, Spark job, PyTorch training job or network function.',
    examples,
    supportsDryRun: true,
    schema: {
      input: z => (inputSchema = kubernetesManifestsInputSchema(z)),
      output: z =>
        z.object({
          files: z
            .array(z.string())
            .describe(
              'Workspace-relative paths of the written files, kustomization.yaml last',
            ),
          kinds: z
            .array(z.string())
            .describe('Kinds of the Kubernetes objects written, in file order'),
        }),
    },
    async handler(ctx) {
      if (!inputSchema) {
        throw new Error(`${ACTION_ID}: input schema was not initialised`);
      }
      const parsed = inputSchema.safeParse(ctx.input);
      if (!parsed.success) {
        throw new InputError(
          `Invalid input to ${ACTION_ID}: ${parsed.error.issues
            .map(i => `${i.path.join('.') || 'input'}: ${i.message}`)
            .join('; ')}`,
        );
      }
      const input = parsed.data;

      const targetDir = resolveWorkspaceDirectory(
        ctx.workspacePath,
        input.targetDir,
        'targetDir',
      );

      const manifests = buildManifests(input);
      assertInvariants(manifests.map(m => m.object));

      const rendered = [
        ...manifests.map(m => ({
          fileName: m.fileName,
          content: renderManifest(m, input),
          expected: m.object as unknown,
        })),
        kustomization(manifests.map(m => m.fileName)),
      ];
      for (const file of rendered) {
        validateRendered(file.fileName, file.content, file.expected);
      }

      // Every path is checked, and every existing file refused, before the
      // first write, so bad input leaves the workspace as it was.
      const targets = rendered.map(file => ({
        ...file,
        absolutePath: resolveChild(
          ctx.workspacePath,
          targetDir,
          file.fileName,
          `targetDir file ${file.fileName}`,
        ),
      }));
      if (!input.overwrite) {
        for (const target of targets) {
          if (await exists(target.absolutePath)) {
            throw new InputError(
              `${toWorkspaceRelative(
                ctx.workspacePath,
                target.absolutePath,
              )} already exists in the workspace; set overwrite: true to replace it`,
            );
          }
        }
      }
      await fs.mkdir(targetDir, { recursive: true });
      for (const target of targets) {
        await fs.writeFile(target.absolutePath, target.content, {
          encoding: 'utf8',
          flag: input.overwrite ? 'w' : 'wx',
        });
      }

      const kinds = manifests.map(m => m.object.kind);
      ctx.logger.info(
        `${ctx.isDryRun ? 'Dry run: wrote' : 'Wrote'} ${
          targets.length
        } files for a ${input.workload} workload (${kinds.join(', ')})`,
      );
      ctx.output(
        'files',
        targets.map(t =>
          toWorkspaceRelative(ctx.workspacePath, t.absolutePath),
        ),
      );
      ctx.output('kinds', kinds);
    },
  });
}

function buildManifests(input: Input): ManifestFile[] {
  switch (input.workload) {
    case 'service':
    case 'frontend':
    case 'network-function':
      return longRunningManifests(input);
    case 'data':
      return [serviceAccount(input), cronJob(input)];
    case 'spark-job':
      return [
        serviceAccount(input, { automountToken: true }),
        ...sparkRbac(input),
        sparkApplication(input),
      ];
    case 'ml-training':
      return [serviceAccount(input), pyTorchJob(input)];
    default:
      throw new InputError(`Unknown workload ${input.workload}`);
  }
}

// ---------------------------------------------------------------------------
// Labels, environment, containers

function commonLabels(input: Input): Record<string, string> {
  return {
    'app.kubernetes.io/name': input.name,
    ...(input.partOf ? { 'app.kubernetes.io/part-of': input.partOf } : {}),
    'app.kubernetes.io/component': input.workload,
    team: input.costLabels.team,
    'cost-center': input.costLabels.costCenter,
    'golden-path': input.costLabels.goldenPath,
  };
}

function imageVersion(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastPart = withoutDigest.split('/').pop() ?? '';
  const tag = lastPart.includes(':') ? lastPart.split(':')[1] : undefined;
  return tag && tag.length <= 63 && LABEL_VALUE.test(tag) ? tag : undefined;
}

/** Labels for objects and pod templates: common, plus Datadog's unified service tags. */
function labels(input: Input): Record<string, string> {
  if (input.observability.provider !== 'datadog') {
    return commonLabels(input);
  }
  const version = imageVersion(input.image);
  return {
    ...commonLabels(input),
    'tags.datadoghq.com/service': input.name,
    'tags.datadoghq.com/env': input.observability.environment,
    ...(version ? { 'tags.datadoghq.com/version': version } : {}),
  };
}

function metadata(input: Input, name = input.name) {
  return { name, namespace: input.namespace, labels: labels(input) };
}

function selectorLabels(input: Input): Record<string, string> {
  // Selectors are immutable, so they hold only the stable name label.
  return { 'app.kubernetes.io/name': input.name };
}

type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
};

function observabilityEnv(input: Input): EnvVar[] {
  const { observability, costLabels } = input;
  if (observability.provider === 'opentelemetry') {
    // The application's own OpenTelemetry SDK is configured through the
    // standard variables. We do not add the Operator's inject-sdk annotation:
    // it would need the OpenTelemetry Operator and an Instrumentation object
    // in every namespace, and the golden-path skeletons already ship the SDK.
    const protocol = otlpProtocol(observability.endpoint);
    return [
      { name: 'OTEL_SERVICE_NAME', value: input.name },
      { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: observability.endpoint },
      ...(protocol
        ? [{ name: 'OTEL_EXPORTER_OTLP_PROTOCOL', value: protocol }]
        : []),
      {
        name: 'OTEL_RESOURCE_ATTRIBUTES',
        value: `team=${costLabels.team},cost-center=${costLabels.costCenter},golden-path=${costLabels.goldenPath},k8s.namespace.name=${input.namespace}`,
      },
    ];
  }
  if (observability.provider === 'datadog') {
    const fromLabel = (label: string) => ({
      fieldRef: { fieldPath: `metadata.labels['${label}']` },
    });
    const version = imageVersion(input.image);
    return [
      // The Datadog agent runs as a DaemonSet; traces go to the node's agent.
      {
        name: 'DD_AGENT_HOST',
        valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } },
      },
      {
        name: 'DD_SERVICE',
        valueFrom: fromLabel('tags.datadoghq.com/service'),
      },
      { name: 'DD_ENV', valueFrom: fromLabel('tags.datadoghq.com/env') },
      ...(version
        ? [
            {
              name: 'DD_VERSION',
              valueFrom: fromLabel('tags.datadoghq.com/version'),
            },
          ]
        : []),
    ];
  }
  return [];
}

/**
 * SDKs default to different OTLP protocols; the conventional ports tell
 * which one the collector speaks (4317 gRPC, 4318 HTTP).
 */
function otlpProtocol(endpoint: string): string | undefined {
  if (/:4317\/?$/.test(endpoint)) {
    return 'grpc';
  }
  if (/:4318\/?$/.test(endpoint)) {
    return 'http/protobuf';
  }
  return undefined;
}

function resourceRequirements(
  input: Input,
  extra: Record<string, string> = {},
  extraRequestsOnly: Record<string, string> = {},
) {
  const { resources } = input;
  return {
    requests: {
      cpu: resources.cpuRequest,
      memory: resources.memoryRequest,
      ...extraRequestsOnly,
      ...extra,
    },
    limits: {
      ...(resources.cpuLimit ? { cpu: resources.cpuLimit } : {}),
      memory: resources.memoryLimit,
      ...extra,
    },
  };
}

const NO_CPU_LIMIT_COMMENT =
  ' No CPU limit on purpose: CPU limits make the kernel throttle the container\n' +
  ' (CFS quota) even when the node has idle CPU, which shows up as latency.\n' +
  ' The CPU request reserves the share. Memory keeps its limit: memory cannot\n' +
  ' be throttled, only reclaimed by killing the container.';

const CPU_LIMIT_COMMENT =
  ' CPU limit set explicitly (resources.cpuLimit). With requests equal to\n' +
  ' limits the pod gets Guaranteed QoS; otherwise expect CFS throttling when\n' +
  ' the container reaches the limit.';

function resourcesComment(input: Input): string {
  return input.resources.cpuLimit ? CPU_LIMIT_COMMENT : NO_CPU_LIMIT_COMMENT;
}

const RESTRICTED_CONTAINER_SECURITY = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

function restrictedPodSecurity(input: Input) {
  return {
    runAsNonRoot: true,
    ...(input.runAsUser ? { runAsUser: input.runAsUser } : {}),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/**
 * The root filesystem is read-only; these emptyDirs are where the container
 * may write (by default only /tmp).
 */
function writableVolumes(input: Input) {
  const name = (dir: string, index: number) =>
    dir === '/tmp' ? 'tmp' : `writable-${index}`;
  return {
    volumes: input.writableDirs.map((dir, i) => ({
      name: name(dir, i),
      emptyDir: {},
    })),
    volumeMounts: input.writableDirs.map((dir, i) => ({
      name: name(dir, i),
      mountPath: dir,
    })),
  };
}

// ---------------------------------------------------------------------------
// Objects

function serviceAccount(
  input: Input,
  options: { automountToken?: boolean } = {},
): ManifestFile {
  return {
    fileName: 'serviceaccount.yaml',
    object: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: metadata(input),
      // Only the Spark driver talks to the API server (to start executors).
      automountServiceAccountToken: options.automountToken ?? false,
    },
    comments: [],
  };
}

function autoscalingMode(input: Input): 'hpa' | 'vpa' | 'none' {
  if (input.autoscaling.mode) {
    return input.autoscaling.mode;
  }
  // Network functions scale with provisioned capacity (SR-IOV virtual
  // functions are a per-node resource), not with CPU.
  return input.workload === 'network-function' ? 'none' : 'hpa';
}

function longRunningManifests(input: Input): ManifestFile[] {
  const mode = autoscalingMode(input);
  const files = [
    serviceAccount(input),
    deployment(input, mode),
    service(input),
    podDisruptionBudget(input),
  ];
  if (mode === 'hpa') {
    files.push(horizontalPodAutoscaler(input));
  } else if (mode === 'vpa') {
    files.push(verticalPodAutoscaler(input));
  }
  return files;
}

function deployment(input: Input, mode: 'hpa' | 'vpa' | 'none'): ManifestFile {
  const nf =
    input.workload === 'network-function' ? input.networkFunction : undefined;
  const portName = nf ? 'mgmt' : 'http';
  const writable = writableVolumes(input);

  const extendedResources: Record<string, string> = {};
  if (nf?.sriovResource) {
    extendedResources[nf.sriovResource] = String(
      nf.sriovCount ?? nf.networks.length,
    );
  }
  if (nf?.hugepages2Mi) {
    extendedResources['hugepages-2Mi'] = nf.hugepages2Mi;
  }

  const probes =
    nf?.healthProbe === 'tcp'
      ? {
          readinessProbe: {
            tcpSocket: { port: portName },
            periodSeconds: 10,
          },
          livenessProbe: {
            tcpSocket: { port: portName },
            initialDelaySeconds: 10,
            periodSeconds: 20,
          },
        }
      : {
          readinessProbe: {
            httpGet: { path: '/readyz', port: portName },
            periodSeconds: 10,
          },
          livenessProbe: {
            httpGet: { path: '/healthz', port: portName },
            initialDelaySeconds: 10,
            periodSeconds: 20,
          },
        };

  const addedCapabilities = nf
    ? ['NET_ADMIN', ...(nf.dpdk || nf.hugepages2Mi ? ['IPC_LOCK'] : [])]
    : [];

  const container = {
    name: input.name,
    image: input.image,
    ports: [{ name: portName, containerPort: input.port, protocol: 'TCP' }],
    env: observabilityEnv(input),
    resources: resourceRequirements(input, extendedResources),
    securityContext: nf
      ? {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'], add: addedCapabilities },
        }
      : RESTRICTED_CONTAINER_SECURITY,
    ...probes,
    volumeMounts: [
      ...writable.volumeMounts,
      ...(nf?.hugepages2Mi
        ? [{ name: 'hugepages', mountPath: '/dev/hugepages' }]
        : []),
    ],
  };

  const annotations: Record<string, string> = {};
  if (nf) {
    annotations['k8s.v1.cni.cncf.io/networks'] = nf.networks.join(',');
  }

  const podSpec = {
    serviceAccountName: input.name,
    automountServiceAccountToken: false,
    // Kubernetes grants added capabilities to UID 0 only (no ambient
    // capabilities), so a network function cannot use NET_ADMIN as non-root.
    securityContext: nf
      ? { seccompProfile: { type: 'RuntimeDefault' } }
      : restrictedPodSecurity(input),
    ...(nf
      ? {}
      : {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selectorLabels(input) },
            },
          ],
        }),
    containers: [container],
    volumes: [
      ...writable.volumes,
      ...(nf?.hugepages2Mi
        ? [{ name: 'hugepages', emptyDir: { medium: 'HugePages-2Mi' } }]
        : []),
    ],
  };

  const dpdkNote =
    nf?.dpdk && !input.resources.cpuLimit
      ? '\n DPDK usually needs exclusive CPUs from the static CPU manager, which\n' +
        ' requires Guaranteed QoS: set resources.cpuLimit equal to a whole-core\n' +
        ' cpuRequest, and memoryRequest equal to memoryLimit.'
      : '';
  const comments: YamlComment[] = [
    {
      path: ['spec', 'template', 'spec', 'containers', 0, 'resources'],
      text: resourcesComment(input) + dpdkNote,
    },
  ];
  if (mode === 'hpa') {
    comments.push({
      path: ['spec', 'selector'],
      text:
        ' No spec.replicas: the HorizontalPodAutoscaler owns the replica count,\n' +
        ' and a fixed value here would be reset on every GitOps sync.',
    });
  }
  if (nf) {
    comments.push({
      path: ['spec', 'template', 'spec', 'securityContext'],
      text:
        ' Not runAsNonRoot: Kubernetes grants added capabilities (NET_ADMIN,\n' +
        ' IPC_LOCK) to UID 0 only. Privilege escalation stays off, all other\n' +
        ' capabilities are dropped and the root filesystem is read-only.',
    });
  }

  return {
    fileName: 'deployment.yaml',
    object: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadata(input),
      spec: {
        ...(mode === 'hpa' ? {} : { replicas: input.replicas }),
        selector: { matchLabels: selectorLabels(input) },
        strategy: {
          type: 'RollingUpdate',
          // A network function's SR-IOV functions and hugepages are finite
          // per node, so it rolls without surging; others roll without loss.
          rollingUpdate: nf
            ? { maxUnavailable: 1, maxSurge: 0 }
            : { maxUnavailable: 0, maxSurge: 1 },
        },
        template: {
          metadata: {
            labels: labels(input),
            ...(Object.keys(annotations).length ? { annotations } : {}),
          },
          spec: podSpec,
        },
      },
    },
    comments,
  };
}

function service(input: Input): ManifestFile {
  const portName = input.workload === 'network-function' ? 'mgmt' : 'http';
  return {
    fileName: 'service.yaml',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(input),
      spec: {
        type: 'ClusterIP',
        selector: selectorLabels(input),
        ports: [
          {
            name: portName,
            port: input.port,
            targetPort: portName,
            protocol: 'TCP',
          },
        ],
      },
    },
    comments: [],
  };
}

function podDisruptionBudget(input: Input): ManifestFile {
  return {
    fileName: 'pdb.yaml',
    object: {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: metadata(input),
      spec: {
        maxUnavailable: 1,
        selector: { matchLabels: selectorLabels(input) },
      },
    },
    comments: [
      {
        path: ['spec', 'maxUnavailable'],
        text:
          ' maxUnavailable rather than minAvailable: with a single replica,\n' +
          ' minAvailable: 1 would block node drains forever.',
      },
    ],
  };
}

function horizontalPodAutoscaler(input: Input): ManifestFile {
  return {
    fileName: 'hpa.yaml',
    object: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: metadata(input),
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: input.name,
        },
        minReplicas: input.autoscaling.minReplicas,
        maxReplicas: input.autoscaling.maxReplicas,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: {
                type: 'Utilization',
                averageUtilization: input.autoscaling.targetCPUUtilization,
              },
            },
          },
        ],
      },
    },
    comments: [
      {
        path: ['spec', 'metrics'],
        text: ' Utilization is measured against the CPU request.',
      },
    ],
  };
}

function verticalPodAutoscaler(input: Input): ManifestFile {
  return {
    fileName: 'vpa.yaml',
    object: {
      apiVersion: 'autoscaling.k8s.io/v1',
      kind: 'VerticalPodAutoscaler',
      metadata: metadata(input),
      spec: {
        targetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: input.name,
        },
        updatePolicy: { updateMode: 'Recreate' },
        resourcePolicy: {
          containerPolicies: [
            {
              containerName: input.name,
              controlledResources: ['cpu', 'memory'],
              controlledValues: 'RequestsAndLimits',
            },
          ],
        },
      },
    },
    comments: [
      {
        path: ['spec', 'updatePolicy'],
        text:
          " 'Recreate' is what 'Auto' meant before VPA 1.4 deprecated it. VPA keeps\n" +
          ' the limit-to-request ratio, so the memory limit moves with the request.',
      },
    ],
  };
}

function cronJob(input: Input): ManifestFile {
  return {
    fileName: 'cronjob.yaml',
    object: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: metadata(input),
      spec: {
        schedule: input.schedule,
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels: labels(input) },
          spec: {
            backoffLimit: 2,
            template: {
              metadata: { labels: labels(input) },
              spec: {
                restartPolicy: 'OnFailure',
                serviceAccountName: input.name,
                automountServiceAccountToken: false,
                securityContext: restrictedPodSecurity(input),
                containers: [
                  {
                    name: input.name,
                    image: input.image,
                    env: observabilityEnv(input),
                    resources: resourceRequirements(input),
                    securityContext: RESTRICTED_CONTAINER_SECURITY,
                    volumeMounts: writableVolumes(input).volumeMounts,
                  },
                ],
                volumes: writableVolumes(input).volumes,
              },
            },
          },
        },
      },
    },
    comments: [
      {
        path: [
          'spec',
          'jobTemplate',
          'spec',
          'template',
          'spec',
          'containers',
          0,
          'resources',
        ],
        text: resourcesComment(input),
      },
      {
        path: ['spec', 'concurrencyPolicy'],
        text: ' A run that overlaps the previous one is skipped, not stacked.',
      },
    ],
  };
}

function sparkRbac(input: Input): ManifestFile[] {
  // The driver creates and deletes its executor pods, their headless
  // service and config maps; this is the least the Spark on Kubernetes
  // scheduler backend needs.
  return [
    {
      fileName: 'role.yaml',
      object: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: metadata(input),
        rules: [
          {
            apiGroups: [''],
            resources: [
              'pods',
              'services',
              'configmaps',
              'persistentvolumeclaims',
            ],
            verbs: [
              'create',
              'get',
              'list',
              'watch',
              'patch',
              'delete',
              'deletecollection',
            ],
          },
        ],
      },
      comments: [],
    },
    {
      fileName: 'rolebinding.yaml',
      object: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: metadata(input),
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: input.name,
        },
        subjects: [
          {
            kind: 'ServiceAccount',
            name: input.name,
            namespace: input.namespace,
          },
        ],
      },
      comments: [],
    },
  ];
}

function sparkApplication(input: Input): ManifestFile {
  const spark = input.spark!;
  const env = observabilityEnv(input);
  const podCommon = {
    labels: labels(input),
    env,
    // Spark writes scratch data and fetched dependencies under its work
    // directory inside the image, so the root filesystem stays writable.
    securityContext: {
      runAsNonRoot: true,
      ...(input.runAsUser ? { runAsUser: input.runAsUser } : {}),
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
  };
  return {
    fileName: 'sparkapplication.yaml',
    object: {
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      metadata: metadata(input),
      spec: {
        type: spark.type,
        ...(spark.type === 'Python' ? { pythonVersion: '3' } : {}),
        mode: 'cluster',
        image: input.image,
        imagePullPolicy: 'IfNotPresent',
        mainApplicationFile: spark.mainApplicationFile,
        ...(spark.mainClass ? { mainClass: spark.mainClass } : {}),
        sparkVersion: spark.sparkVersion,
        restartPolicy: { type: 'Never' },
        driver: {
          cores: spark.driverCores,
          memory: spark.driverMemory,
          serviceAccount: input.name,
          ...podCommon,
        },
        executor: {
          cores: spark.executorCores,
          instances: spark.executorInstances,
          memory: spark.executorMemory,
          ...podCommon,
        },
      },
    },
    comments: [
      {
        path: ['spec', 'driver'],
        text:
          ' Resources: the operator requests `cores` CPUs with no CPU limit (no\n' +
          ' coreLimit, to avoid CFS throttling) and sets the memory request and\n' +
          ' limit to `memory` plus the Spark memory overhead.',
      },
      {
        path: ['spec', 'driver', 'securityContext'],
        text:
          ' Root filesystem writable: Spark writes scratch data and fetched\n' +
          ' dependencies under its work directory inside the image.',
      },
    ],
  };
}

function pyTorchJob(input: Input): ManifestFile {
  const training = input.training;
  const gpus = training.gpusPerWorker;
  const gpuResources: Record<string, string> =
    gpus > 0 ? { 'nvidia.com/gpu': String(gpus) } : {};
  const template = {
    metadata: { labels: labels(input) },
    spec: {
      serviceAccountName: input.name,
      automountServiceAccountToken: false,
      securityContext: restrictedPodSecurity(input),
      ...(gpus > 0
        ? {
            tolerations: [
              {
                key: 'nvidia.com/gpu',
                operator: 'Exists',
                effect: 'NoSchedule',
              },
            ],
          }
        : {}),
      containers: [
        {
          // The training operator finds the training container by this name.
          name: 'pytorch',
          image: input.image,
          ...(training.command ? { command: training.command } : {}),
          env: observabilityEnv(input),
          resources: resourceRequirements(input, gpuResources),
          securityContext: RESTRICTED_CONTAINER_SECURITY,
          volumeMounts: [
            ...writableVolumes(input).volumeMounts,
            { name: 'dshm', mountPath: '/dev/shm' },
          ],
        },
      ],
      volumes: [
        ...writableVolumes(input).volumes,
        // PyTorch data loaders share tensors through /dev/shm, which is 64Mi
        // by default; memory-backed, it counts against the memory limit.
        { name: 'dshm', emptyDir: { medium: 'Memory' } },
      ],
    },
  };
  const replicaSpec = (replicas: number) => ({
    replicas,
    restartPolicy: 'OnFailure',
    template,
  });
  const resourcesPath = (role: string) => [
    'spec',
    'pytorchReplicaSpecs',
    role,
    'template',
    'spec',
    'containers',
    0,
    'resources',
  ];
  return {
    fileName: 'pytorchjob.yaml',
    object: {
      apiVersion: 'kubeflow.org/v1',
      kind: 'PyTorchJob',
      metadata: metadata(input),
      spec: {
        runPolicy: { cleanPodPolicy: 'None', backoffLimit: 3 },
        pytorchReplicaSpecs: {
          Master: replicaSpec(1),
          Worker: replicaSpec(training.workers),
        },
      },
    },
    comments: [
      { path: resourcesPath('Master'), text: resourcesComment(input) },
      { path: resourcesPath('Worker'), text: resourcesComment(input) },
    ],
  };
}

function kustomization(fileNames: string[]) {
  const object = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: fileNames,
  };
  const doc = new YAML.Document(object, { aliasDuplicateObjects: false });
  doc.commentBefore = ` Generated by ${ACTION_ID}. Apply with: kubectl apply -k <this directory>`;
  return {
    fileName: 'kustomization.yaml',
    content: doc.toString({ lineWidth: 0 }),
    expected: object as unknown,
  };
}

// ---------------------------------------------------------------------------
// Rendering and validation

function renderManifest(file: ManifestFile, input: Input): string {
  // Objects share parts (labels, security contexts); written out in full,
  // not as YAML anchors and aliases, which some Kubernetes tooling rejects.
  const doc = new YAML.Document(file.object, { aliasDuplicateObjects: false });
  doc.commentBefore = ` Generated by ${ACTION_ID} for golden path ${input.costLabels.goldenPath}.`;
  for (const comment of file.comments) {
    const parent = doc.getIn(comment.path.slice(0, -1), true);
    const key = comment.path[comment.path.length - 1];
    if (!YAML.isMap(parent)) {
      throw new Error(`No YAML map at ${comment.path.slice(0, -1).join('.')}`);
    }
    const pair = parent.items.find(
      item => YAML.isScalar(item.key) && item.key.value === key,
    );
    if (!pair || !YAML.isScalar(pair.key)) {
      throw new Error(`No YAML key at ${comment.path.join('.')}`);
    }
    pair.key.commentBefore = comment.text;
  }
  return doc.toString({ lineWidth: 0 });
}

function validateRendered(
  fileName: string,
  content: string,
  expected: unknown,
) {
  const documents = YAML.parseAllDocuments(content);
  if (
    !Array.isArray(documents) ||
    documents.length !== 1 ||
    documents[0].errors.length > 0 ||
    documents[0].warnings.length > 0
  ) {
    throw new Error(
      `${ACTION_ID} produced YAML that does not parse: ${fileName}`,
    );
  }
  if (!isDeepStrictEqual(documents[0].toJS(), expected)) {
    throw new Error(`${ACTION_ID}: ${fileName} does not read back as written`);
  }
}

type PodSpecLike = {
  containers?: Array<{ name?: string; resources?: any }>;
};

/** Pod templates of every object, with where they are, for the checks below. */
function podTemplates(object: KubernetesObject): Array<{
  where: string;
  labels?: Record<string, string>;
  spec?: PodSpecLike;
}> {
  const spec = object.spec as any;
  switch (object.kind) {
    case 'Deployment':
      return [
        {
          where: 'spec.template',
          labels: spec.template.metadata?.labels,
          spec: spec.template.spec,
        },
      ];
    case 'CronJob':
      return [
        {
          where: 'spec.jobTemplate.spec.template',
          labels: spec.jobTemplate.spec.template.metadata?.labels,
          spec: spec.jobTemplate.spec.template.spec,
        },
      ];
    case 'PyTorchJob':
      return Object.entries<any>(spec.pytorchReplicaSpecs).map(
        ([role, replica]) => ({
          where: `spec.pytorchReplicaSpecs.${role}.template`,
          labels: replica.template.metadata?.labels,
          spec: replica.template.spec,
        }),
      );
    case 'SparkApplication':
      // The operator builds the pods; requests come from cores and memory,
      // so only the labels are ours to check here.
      return ['driver', 'executor'].map(role => ({
        where: `spec.${role}`,
        labels: spec[role].labels,
      }));
    default:
      return [];
  }
}

/**
 * Checks the promises of the golden path on the objects about to be written:
 * cost and ownership labels on every object and pod template, and requests
 * and a memory limit on every container.
 */
function assertInvariants(objects: KubernetesObject[]) {
  const required = [
    'app.kubernetes.io/name',
    'team',
    'cost-center',
    'golden-path',
  ];
  const fail = (message: string): never => {
    throw new Error(`${ACTION_ID} generated an invalid object: ${message}`);
  };
  for (const object of objects) {
    const id = `${object.kind} ${object.metadata.name}`;
    const objectLabels = (object.metadata.labels ?? {}) as Record<
      string,
      string
    >;
    for (const label of required) {
      if (!objectLabels[label]) fail(`${id} has no ${label} label`);
    }
    for (const pod of podTemplates(object)) {
      for (const label of required) {
        if (!pod.labels?.[label])
          fail(`${id} ${pod.where} has no ${label} label`);
      }
      for (const container of pod.spec?.containers ?? []) {
        const r = container.resources ?? {};
        if (!r.requests?.cpu || !r.requests?.memory || !r.limits?.memory) {
          fail(
            `${id} container ${container.name} lacks requests or a memory limit`,
          );
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Quantities and schedules

/**
 * Decimal suffixes as powers of ten, so that a value is parsed in one step
 * ("700e-3") and compares exactly with the same value written another way
 * ("0.7"); binary suffixes are powers of two, which multiply exactly.
 */
const DECIMAL_EXPONENTS: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_EXPONENTS: Record<string, number> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

/** The value of a Kubernetes quantity, or an error message. */
function parseQuantity(value: string): number | string {
  if (!QUANTITY.test(value)) {
    return `"${value}" is not a Kubernetes quantity (e.g. 250m, 1, 512Mi, 2Gi)`;
  }
  const [, number, suffix] = /^([0-9.]+)(.*)$/.exec(value)!;
  let parsed: number;
  if (/^[eE]/.test(suffix)) {
    parsed = Number(`${number}${suffix}`);
  } else if (suffix in BINARY_EXPONENTS) {
    parsed = Number(number) * 2 ** BINARY_EXPONENTS[suffix];
  } else {
    parsed = Number(`${number}e${DECIMAL_EXPONENTS[suffix]}`);
  }
  return parsed > 0 ? parsed : `"${value}" must be more than zero`;
}

function parseMemory(value: string): number | string {
  if (/^[0-9.]+m$/.test(value)) {
    return `"${value}" means millibytes; use Mi or M for megabytes`;
  }
  return parseQuantity(value);
}

function isCronSchedule(schedule: string): boolean {
  const trimmed = schedule.trim();
  if (CRON_MACRO.test(trimmed)) {
    return true;
  }
  const fields = trimmed.split(/\s+/);
  return fields.length === 5 && fields.every(f => CRON_FIELD.test(f));
}

// ---------------------------------------------------------------------------
// Workspace paths

/**
 * Resolves the user-given directory inside the workspace. Absolute paths and
 * `..` are refused outright; resolveSafeChildPath then follows symlinks, so a
 * link in the workspace that points outside it is refused too.
 */
function resolveWorkspaceDirectory(
  workspacePath: string,
  path: string,
  field: string,
): string {
  if (isAbsolute(path) || win32.isAbsolute(path) || path.includes('\\')) {
    throw new InputError(
      `${field} must be a relative path with forward slashes inside the workspace`,
    );
  }
  const normalized = posix.normalize(path);
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new InputError(`${field} must stay inside the workspace`);
  }
  return resolveChild(workspacePath, workspacePath, normalized, field);
}

function resolveChild(
  workspacePath: string,
  directory: string,
  name: string,
  field = 'targetDir',
): string {
  try {
    // Checked against the workspace, so each file is checked too: a file
    // that is a symlink to somewhere else is refused like a linked directory.
    const absolute = resolveSafeChildPath(directory, name);
    return resolveSafeChildPath(workspacePath, absolute);
  } catch (error) {
    if (isError(error) && error.name === 'NotAllowedError') {
      throw new InputError(
        `${field} resolves outside the workspace through a symbolic link`,
      );
    }
    throw error;
  }
}

function toWorkspaceRelative(workspacePath: string, absolute: string): string {
  return relative(workspacePath, absolute).split(win32.sep).join('/');
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
    throw error;
  }
}

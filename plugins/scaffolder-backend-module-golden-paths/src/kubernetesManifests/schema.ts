import { z } from 'zod/v3';
import {
  CONTAINER_PATH,
  DNS_1123_LABEL,
  IMAGE_REFERENCE,
  LABEL_VALUE,
} from './patterns';
import { checkInput } from './checkInput';
import {
  networkFunctionSchema,
  sparkSchema,
  trainingSchema,
} from './workloadOptionsSchema';
import { WORKLOADS } from './workloads';

const labelValue = (what: string) =>
  z
    .string()
    .max(63)
    .regex(
      LABEL_VALUE,
      `${what} must be a Kubernetes label value (letters, digits, '-', '_', '.'; starting and ending with a letter or digit)`,
    );

/** The input's fields, before the rules between them. */
export const inputFields = z
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
      .enum(WORKLOADS)
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
    spark: sparkSchema,
    training: trainingSchema,
    networkFunction: networkFunctionSchema,
    writableDirs: z
      .array(
        z
          .string()
          .regex(CONTAINER_PATH, 'must be an absolute path in the container'),
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
  .strict();

/**
 * The input of `golden-paths:kubernetes:manifests`: its fields, defaults and
 * the rules between them (quantities, limits against requests, what each
 * workload needs).
 */
export const inputSchema = inputFields.superRefine(checkInput);

/** The action's input, parsed: defaults applied and rules checked. */
export type ManifestsInput = z.output<typeof inputFields>;

/** The action's outputs. */
export const outputSchema = z.object({
  files: z
    .array(z.string())
    .describe(
      'Workspace-relative paths of the written files, kustomization.yaml last',
    ),
  kinds: z
    .array(z.string())
    .describe('Kinds of the Kubernetes objects written, in file order'),
});

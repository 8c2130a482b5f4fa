import { z } from 'zod/v3';
import {
  EXTENDED_RESOURCE,
  NETWORK_ATTACHMENT,
  SPARK_MEMORY,
} from './patterns';

/** The `spark` input: the SparkApplication of a 'spark-job' workload. */
export const sparkSchema = z
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
  .describe("Required for workload 'spark-job'");

/** The `training` input: the PyTorchJob of an 'ml-training' workload. */
export const trainingSchema = z
  .object({
    framework: z.enum(['pytorch']).default('pytorch'),
    workers: z.number().int().min(1).default(2),
    gpusPerWorker: z.number().int().min(0).default(0),
    command: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .default({})
  .describe("For workload 'ml-training'");

/** The `networkFunction` input: Multus networks, SR-IOV, hugepages, DPDK. */
export const networkFunctionSchema = z
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
      .min(1, 'needs at least one Multus NetworkAttachmentDefinition name'),
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
      .describe('Virtual functions to request; one per network by default'),
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
  .describe("Required for workload 'network-function'");

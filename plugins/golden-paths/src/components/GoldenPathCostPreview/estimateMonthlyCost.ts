import { parseCount, parseCpu, parseMemoryGiB } from './quantity';

/** Hours in an average month (8760 hours a year / 12), as cloud bills count. */
export const HOURS_PER_MONTH = 730;

/** Memory below this is a unit mistake (`512m` is half a byte, not 512 MiB). */
const MIN_MEMORY_GIB = 1 / 1024;

/** A memory limit above this multiple of the request gets a warning. */
export const MEMORY_LIMIT_RATIO_WARNING = 2;

/** A CPU limit above this multiple of the request gets a warning. */
export const CPU_LIMIT_RATIO_WARNING = 4;

/** Unit prices of requested resources. */
export interface CostPrices {
  /** Price of one vCPU for one hour. */
  cpuCoreHour: number;
  /** Price of one GiB of memory for one hour. */
  memoryGiBHour: number;
  /** ISO 4217 code of both prices. */
  currency: string;
}

/** The form inputs the estimate reads. */
export type CostInputName =
  | 'cpuRequest'
  | 'memoryRequest'
  | 'cpuLimit'
  | 'memoryLimit'
  | 'replicas'
  | 'minReplicas'
  | 'maxReplicas';

/**
 * Raw form values by input. An input that is a key of the object is a field
 * of the form (its value may still be empty); one that is not a key is not
 * part of the form at all, which matters for the requests (the template
 * names the wrong field) and for the replica counts (which ones the form has).
 */
export type CostInputs = Partial<Record<CostInputName, unknown>> & {
  /**
   * Whether the replica count moves between the minimum and maximum (an
   * HPA). False for a fixed count (no autoscaler, or a VPA that resizes
   * pods instead of adding them). Defaults to true.
   */
  horizontal?: boolean;
};

/** A message about one input (or the form as a whole). */
export interface CostMessage {
  input?: CostInputName;
  message: string;
}

/** The estimated monthly cost of the requested resources. */
export interface CostEstimate {
  /** vCPUs requested by one replica. */
  cpuCores: number;
  /** GiB of memory requested by one replica. */
  memoryGiB: number;
  /** One replica running all month. */
  perReplica: number;
  minReplicas: number;
  maxReplicas: number;
  /** The monthly cost at the minimum replica count. */
  min: number;
  /** The monthly cost at the maximum replica count. */
  max: number;
  /** The replica count moves between min and max (an HPA). */
  autoscaled: boolean;
  /** The form has no replica field, so one replica was assumed. */
  replicasAssumed: boolean;
}

/** What {@link estimateMonthlyCost} found. */
export interface CostEstimateResult {
  /** Absent while inputs are missing or invalid. */
  estimate?: CostEstimate;
  /** Inputs to fill in before there is an estimate. */
  missing: CostMessage[];
  /** Inputs that are not valid; there is no estimate while there are any. */
  problems: CostMessage[];
  /** Valid inputs worth a second look. */
  warnings: CostMessage[];
}

/** Words for each input in messages; templates pass their field titles. */
export type CostInputLabels = Record<CostInputName, string>;

/** The labels used when the form does not give a title. */
export const DEFAULT_COST_INPUT_LABELS: CostInputLabels = {
  cpuRequest: 'CPU request',
  memoryRequest: 'Memory request',
  cpuLimit: 'CPU limit',
  memoryLimit: 'Memory limit',
  replicas: 'Replicas',
  minReplicas: 'Minimum replicas',
  maxReplicas: 'Maximum replicas',
};

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '');

const show = (value: unknown) => `“${String(value).trim()}”`;

const times = (ratio: number) => `${Number(ratio.toFixed(1))}×`;

/** "Minimum replicas" → "minimum replicas", but "CPU request" stays. */
const lowerFirst = (label: string) =>
  /^[A-Z][a-z]/.test(label)
    ? label.charAt(0).toLocaleLowerCase('en-US') + label.slice(1)
    : label;

/**
 * The monthly cost range of a workload from its per-replica requests and its
 * replica range: requests are what the scheduler reserves on a node, so they
 * are what the cluster pays for whether the pod uses them or not.
 */
export function estimateMonthlyCost(
  inputs: CostInputs,
  prices: CostPrices,
  labels: CostInputLabels = DEFAULT_COST_INPUT_LABELS,
): CostEstimateResult {
  const missing: CostMessage[] = [];
  const problems: CostMessage[] = [];
  const warnings: CostMessage[] = [];
  const has = (input: CostInputName) => input in inputs;

  const quantity = (
    input: CostInputName,
    parse: (value: unknown) => number | undefined,
    example: string,
    required: boolean,
  ): number | undefined => {
    const value = inputs[input];
    if (!has(input)) {
      if (required) {
        problems.push({
          input,
          message: `The form has no field for the ${lowerFirst(
            labels[input],
          )}: name it in the template's ui:options.${input}.`,
        });
      }
      return undefined;
    }
    if (isEmpty(value)) {
      if (required) {
        missing.push({
          input,
          message: `Enter the ${lowerFirst(labels[input])}.`,
        });
      }
      return undefined;
    }
    const parsed = parse(value);
    if (parsed === undefined) {
      problems.push({
        input,
        message: `${labels[input]} ${show(
          value,
        )} is not a Kubernetes quantity; write it like ${example}.`,
      });
      return undefined;
    }
    if (parsed <= 0) {
      problems.push({
        input,
        message: `${labels[input]} ${show(value)} must be above zero.`,
      });
      return undefined;
    }
    return parsed;
  };

  const memory = (input: CostInputName, required: boolean) => {
    const gib = quantity(input, parseMemoryGiB, '512Mi or 1Gi', required);
    if (gib !== undefined && gib < MIN_MEMORY_GIB) {
      problems.push({
        input,
        message: `${labels[input]} ${show(inputs[input])} is ${Number(
          (gib * 2 ** 30).toPrecision(3),
        )} bytes: memory is counted in bytes, so write it with a binary suffix such as 512Mi or 1Gi.`,
      });
      return undefined;
    }
    return gib;
  };

  const cpuRequest = quantity('cpuRequest', parseCpu, '250m, 0.5 or 2', true);
  const memoryRequest = memory('memoryRequest', true);
  const cpuLimit = quantity('cpuLimit', parseCpu, '500m or 1', false);
  const memoryLimit = memory('memoryLimit', false);

  const compareLimit = (
    limitInput: CostInputName,
    requestInput: CostInputName,
    limit: number | undefined,
    request: number | undefined,
    maxRatio: number,
    why: string,
  ) => {
    if (limit === undefined || request === undefined) {
      return;
    }
    const limitText = show(inputs[limitInput]);
    const requestText = show(inputs[requestInput]);
    if (limit < request) {
      problems.push({
        input: limitInput,
        message: `${labels[limitInput]} ${limitText} is below the ${lowerFirst(
          labels[requestInput],
        )} ${requestText}: Kubernetes rejects a pod whose limit is below its request.`,
      });
    } else if (limit > maxRatio * request) {
      warnings.push({
        input: limitInput,
        message: `${labels[limitInput]} ${limitText} is ${times(
          limit / request,
        )} the ${lowerFirst(labels[requestInput])} ${requestText}. ${why}`,
      });
    }
  };
  compareLimit(
    'memoryLimit',
    'memoryRequest',
    memoryLimit,
    memoryRequest,
    MEMORY_LIMIT_RATIO_WARNING,
    'The scheduler packs pods onto nodes by their requests, so memory a pod may take above its request was never reserved for it: when neighbours grow at the same time the node runs out and the kernel OOM-kills or the kubelet evicts pods, and this estimate, which counts requests, understates what the pod really costs. Raise the request to what the service needs or keep the limit within 2× the request.',
  );
  compareLimit(
    'cpuLimit',
    'cpuRequest',
    cpuLimit,
    cpuRequest,
    CPU_LIMIT_RATIO_WARNING,
    'Pods are packed onto nodes by their requests, so a workload that needs its limit competes with its neighbours for CPU nobody reserved and is slow exactly when the node is busy, while an HPA, which measures utilisation against the request, scales out far too early. Size the request to the steady load and keep the limit within 4× of it.',
  );

  const replicas = resolveReplicas(inputs, labels, missing, problems);

  if (
    cpuRequest === undefined ||
    memoryRequest === undefined ||
    replicas === undefined ||
    problems.length > 0 ||
    missing.length > 0
  ) {
    return { missing, problems, warnings };
  }

  const perReplica =
    (cpuRequest * prices.cpuCoreHour + memoryRequest * prices.memoryGiBHour) *
    HOURS_PER_MONTH;
  return {
    estimate: {
      cpuCores: cpuRequest,
      memoryGiB: memoryRequest,
      perReplica,
      minReplicas: replicas.min,
      maxReplicas: replicas.max,
      min: perReplica * replicas.min,
      max: perReplica * replicas.max,
      autoscaled: replicas.autoscaled,
      replicasAssumed: replicas.assumed,
    },
    missing,
    problems,
    warnings,
  };
}

function resolveReplicas(
  inputs: CostInputs,
  labels: CostInputLabels,
  missing: CostMessage[],
  problems: CostMessage[],
):
  | { min: number; max: number; autoscaled: boolean; assumed: boolean }
  | undefined {
  const declared = (['minReplicas', 'replicas', 'maxReplicas'] as const).filter(
    input => input in inputs,
  );
  if (declared.length === 0) {
    return { min: 1, max: 1, autoscaled: false, assumed: true };
  }

  const count = (input: CostInputName): number | undefined => {
    const value = inputs[input];
    if (isEmpty(value)) {
      missing.push({
        input,
        message: `Enter the ${lowerFirst(labels[input])}.`,
      });
      return undefined;
    }
    const parsed = parseCount(value);
    if (parsed === undefined) {
      problems.push({
        input,
        message: `${labels[input]} ${show(
          value,
        )} is not a whole number of replicas.`,
      });
    }
    return parsed;
  };

  const horizontal = inputs.horizontal ?? true;
  const hasRange = 'minReplicas' in inputs || 'maxReplicas' in inputs;
  if (!horizontal || !hasRange) {
    // A fixed count: the replicas field when the form has one, else the
    // minimum, which is what the Deployment starts with.
    const fixed = count(
      declared.includes('replicas') ? 'replicas' : declared[0],
    );
    return fixed === undefined
      ? undefined
      : { min: fixed, max: fixed, autoscaled: false, assumed: false };
  }

  const minInput: CostInputName =
    'minReplicas' in inputs ? 'minReplicas' : declared[0];
  const min = count(minInput);
  const max =
    'maxReplicas' in inputs && minInput !== 'maxReplicas'
      ? count('maxReplicas')
      : min;
  if (min === undefined || max === undefined) {
    return undefined;
  }
  if (min > max) {
    problems.push({
      input: 'maxReplicas',
      message: `${labels[minInput]} (${min}) is above ${lowerFirst(
        labels.maxReplicas,
      )} (${max}).`,
    });
    return undefined;
  }
  return { min, max, autoscaled: max > min, assumed: false };
}

import {
  type CostInputLabels,
  type CostInputName,
  type CostInputs,
  DEFAULT_COST_INPUT_LABELS,
} from './estimateMonthlyCost';

/**
 * The `ui:options` of the GoldenPathCostPreview field: which form fields hold
 * each input. Each value is the name of a field of the template's parameters
 * (a dotted path for a field inside an object); the defaults are the names the
 * golden-path templates use.
 *
 * @public
 */
export type GoldenPathCostPreviewUiOptions = {
  /** CPU request per replica, a quantity such as `250m`. Default `cpuRequest`. */
  cpuRequest?: string;
  /** Memory request per replica, such as `512Mi`. Default `memoryRequest`. */
  memoryRequest?: string;
  /** CPU limit per replica (optional field). Default `cpuLimit`. */
  cpuLimit?: string;
  /** Memory limit per replica (optional field). Default `memoryLimit`. */
  memoryLimit?: string;
  /** A fixed replica count. Default `replicas`. */
  replicas?: string;
  /** The autoscaler's minimum replica count. Default `minReplicas`. */
  minReplicas?: string;
  /** The autoscaler's maximum replica count. Default `maxReplicas`. */
  maxReplicas?: string;
  /**
   * The field choosing the autoscaler. Default `autoscaling`. When it holds
   * one of `horizontalAutoscaling`, the cost ranges from the minimum to the
   * maximum replicas; any other value (`vpa`, `none`) means a fixed count.
   */
  autoscaling?: string;
  /** Values of the autoscaling field that scale out. Default `['hpa']`. */
  horizontalAutoscaling?: string[];
};

/** The field names the preview reads when `ui:options` does not say. */
export const DEFAULT_COST_PREVIEW_FIELDS: Required<
  Omit<GoldenPathCostPreviewUiOptions, 'horizontalAutoscaling'>
> = {
  cpuRequest: 'cpuRequest',
  memoryRequest: 'memoryRequest',
  cpuLimit: 'cpuLimit',
  memoryLimit: 'memoryLimit',
  replicas: 'replicas',
  minReplicas: 'minReplicas',
  maxReplicas: 'maxReplicas',
  autoscaling: 'autoscaling',
};

const INPUTS = Object.keys(DEFAULT_COST_INPUT_LABELS) as CostInputName[];

type JsonSchemaLike = { title?: unknown; properties?: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path, and whether the path exists. */
function lookup(
  data: Record<string, unknown>,
  path: string,
): { found: boolean; value?: unknown } {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (!isObject(current) || !(key in current)) {
      return { found: false };
    }
    current = current[key];
  }
  return { found: true, value: current };
}

/** The schema of a field at a dotted path in the step's schema. */
function fieldSchema(
  schema: JsonSchemaLike | undefined,
  path: string,
): JsonSchemaLike | undefined {
  let current: unknown = schema;
  for (const key of path.split('.')) {
    const properties = isObject(current) ? current.properties : undefined;
    if (!isObject(properties) || !isObject(properties[key])) {
      return undefined;
    }
    current = properties[key];
  }
  return current as JsonSchemaLike;
}

/**
 * The estimate's inputs from the whole form's data. A field counts as part of
 * the form when the step's schema declares it or the form data has it (it
 * may sit on an earlier step); its title names it in messages.
 */
export function readCostInputs(
  formData: unknown,
  stepSchema: unknown,
  options: GoldenPathCostPreviewUiOptions = {},
): { inputs: CostInputs; labels: CostInputLabels } {
  const data = isObject(formData) ? formData : {};
  const schema = isObject(stepSchema)
    ? (stepSchema as JsonSchemaLike)
    : undefined;
  const inputs: CostInputs = {};
  const labels: CostInputLabels = { ...DEFAULT_COST_INPUT_LABELS };

  for (const input of INPUTS) {
    const field = options[input] || DEFAULT_COST_PREVIEW_FIELDS[input];
    const { found, value } = lookup(data, field);
    const declared = fieldSchema(schema, field);
    if (found || declared) {
      inputs[input] = value;
    }
    // "CPU limit (optional)" reads as "CPU limit" inside a sentence.
    const title =
      typeof declared?.title === 'string'
        ? declared.title.replace(/\s*\([^)]*\)\s*$/, '').trim()
        : '';
    if (title) {
      labels[input] = title;
    }
  }

  const mode = lookup(
    data,
    options.autoscaling || DEFAULT_COST_PREVIEW_FIELDS.autoscaling,
  ).value;
  if (typeof mode === 'string' && mode.trim() !== '') {
    const horizontal = (options.horizontalAutoscaling ?? ['hpa']).map(v =>
      String(v).toLocaleLowerCase('en-US'),
    );
    inputs.horizontal = horizontal.includes(
      mode.trim().toLocaleLowerCase('en-US'),
    );
  }
  return { inputs, labels };
}

import type { ManifestObject } from './manifests';
import type { Workload } from './workload';
import { recordOf, scalarText, valueAt } from './values';

/** An object that scales another: HPA, KEDA ScaledObject or VPA. */
export interface Scaler {
  kind: string;
  name: string;
  file: string;
  namespace?: string;
  targetKind: string;
  targetName: string;
  /** False for a VPA in `updateMode: Off`, which only recommends. */
  active: boolean;
}

/** The kinds that scale another workload, as reasons list them. */
export const SCALER_KINDS_IN_WORDS =
  'HorizontalPodAutoscaler, KEDA ScaledObject or VerticalPodAutoscaler';

function scalerOf(object: ManifestObject): Scaler | undefined {
  const spec = recordOf(object.body.spec);
  let ref: Record<string, unknown>;
  let defaultKind = '';
  let active = true;
  switch (object.kind) {
    case 'HorizontalPodAutoscaler':
      ref = recordOf(spec.scaleTargetRef);
      break;
    case 'ScaledObject':
      ref = recordOf(spec.scaleTargetRef);
      defaultKind = 'Deployment';
      break;
    case 'VerticalPodAutoscaler':
      ref = recordOf(spec.targetRef);
      active = valueAt(spec, ['updatePolicy', 'updateMode']) !== 'Off';
      break;
    default:
      return undefined;
  }
  const targetName = scalarText(ref.name);
  if (!targetName) {
    return undefined;
  }
  return {
    kind: object.kind,
    name: object.name,
    file: object.file,
    namespace: object.namespace,
    targetKind: scalarText(ref.kind) ?? defaultKind,
    targetName,
    active,
  };
}

/** The scalers among the manifests' objects. */
export function scalersOf(objects: ReadonlyArray<ManifestObject>): Scaler[] {
  return objects.flatMap(object => {
    const scaler = scalerOf(object);
    return scaler ? [scaler] : [];
  });
}

/** Whether a scaler targets a workload (by kind and name, and namespace when both name one). */
export function scalerTargets(scaler: Scaler, workload: Workload): boolean {
  return (
    scaler.targetName === workload.name &&
    scaler.targetKind.toLowerCase() === workload.kind.toLowerCase() &&
    (!scaler.namespace ||
      !workload.namespace ||
      scaler.namespace === workload.namespace)
  );
}

/**
 * How a workload scales itself, as the field that turns it on, or
 * undefined: Spark dynamic allocation, PyTorch elastic training, Ray's
 * autoscaler, KEDA ScaledJobs.
 */
export function selfScaling(workload: Workload): string | undefined {
  const at = (...path: string[]) => valueAt(workload.body, path);
  switch (workload.kind) {
    case 'SparkApplication':
      return at('spec', 'dynamicAllocation', 'enabled') === true
        ? 'spec.dynamicAllocation.enabled'
        : undefined;
    case 'ScheduledSparkApplication':
      return at('spec', 'template', 'dynamicAllocation', 'enabled') === true
        ? 'spec.template.dynamicAllocation.enabled'
        : undefined;
    case 'PyTorchJob':
      return at('spec', 'elasticPolicy', 'maxReplicas') !== undefined
        ? 'spec.elasticPolicy'
        : undefined;
    case 'RayCluster':
      return at('spec', 'enableInTreeAutoscaling') === true
        ? 'spec.enableInTreeAutoscaling'
        : undefined;
    case 'RayJob':
      return at('spec', 'rayClusterSpec', 'enableInTreeAutoscaling') === true
        ? 'spec.rayClusterSpec.enableInTreeAutoscaling'
        : undefined;
    case 'RayService':
      return at('spec', 'rayClusterConfig', 'enableInTreeAutoscaling') === true
        ? 'spec.rayClusterConfig.enableInTreeAutoscaling'
        : undefined;
    case 'ScaledJob':
      return 'the KEDA ScaledJob itself';
    default:
      return undefined;
  }
}

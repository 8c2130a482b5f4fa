import { readCostInputs } from './readCostInputs';

const stepSchema = {
  type: 'object',
  properties: {
    cpuRequest: { title: 'CPU request per run', type: 'string' },
    cpuLimit: { title: 'CPU limit (optional)', type: 'string' },
    memoryRequest: { title: 'Memory request', type: 'string' },
    memoryLimit: { title: 'Memory limit', type: 'string' },
    minReplicas: { title: 'Replicas per site', type: 'integer' },
    autoscaling: { type: 'string' },
    costPreview: { type: 'null' },
  },
};

describe('readCostInputs', () => {
  it('reads the default field names and takes the step titles as labels', () => {
    const { inputs, labels } = readCostInputs(
      {
        cpuRequest: '4',
        memoryRequest: '2Gi',
        memoryLimit: '2Gi',
        minReplicas: 1,
        autoscaling: 'none',
        name: 'upf',
      },
      stepSchema,
    );
    // cpuLimit is declared but empty; replicas and maxReplicas are not fields.
    expect(inputs).toEqual({
      cpuRequest: '4',
      cpuLimit: undefined,
      memoryRequest: '2Gi',
      memoryLimit: '2Gi',
      minReplicas: 1,
      horizontal: false,
    });
    expect('cpuLimit' in inputs).toBe(true);
    expect('maxReplicas' in inputs).toBe(false);
    expect(labels).toMatchObject({
      cpuRequest: 'CPU request per run',
      cpuLimit: 'CPU limit',
      minReplicas: 'Replicas per site',
      maxReplicas: 'Maximum replicas',
    });
  });

  it('follows ui:options, dotted paths and the horizontal autoscaling values', () => {
    const { inputs } = readCostInputs(
      {
        resources: { cpu: '500m', memory: '1Gi' },
        scaling: { mode: 'KEDA', from: 1, to: 4 },
      },
      { properties: {} },
      {
        cpuRequest: 'resources.cpu',
        memoryRequest: 'resources.memory',
        minReplicas: 'scaling.from',
        maxReplicas: 'scaling.to',
        autoscaling: 'scaling.mode',
        horizontalAutoscaling: ['hpa', 'keda'],
      },
    );
    expect(inputs).toEqual({
      cpuRequest: '500m',
      memoryRequest: '1Gi',
      minReplicas: 1,
      maxReplicas: 4,
      horizontal: true,
    });
  });

  it('takes fields filled on an earlier step from the form data', () => {
    const { inputs } = readCostInputs(
      { cpuRequest: '1', memoryRequest: '1Gi', maxReplicas: 3 },
      undefined,
    );
    expect(inputs).toEqual({
      cpuRequest: '1',
      memoryRequest: '1Gi',
      maxReplicas: 3,
    });
  });

  it('copes with no form data at all', () => {
    expect(readCostInputs(undefined, undefined).inputs).toEqual({});
  });
});

import {
  type CostPrices,
  estimateMonthlyCost,
  HOURS_PER_MONTH,
} from './estimateMonthlyCost';

const prices: CostPrices = {
  cpuCoreHour: 0.031611,
  memoryGiBHour: 0.004237,
  currency: 'USD',
};

const perReplica = (cores: number, gib: number) =>
  (cores * prices.cpuCoreHour + gib * prices.memoryGiBHour) * HOURS_PER_MONTH;

describe('estimateMonthlyCost', () => {
  it('multiplies the requests by 730 hours and the replica range', () => {
    const { estimate, missing, problems, warnings } = estimateMonthlyCost(
      {
        cpuRequest: '100m',
        memoryRequest: '128Mi',
        memoryLimit: '256Mi',
        cpuLimit: '',
        minReplicas: 2,
        maxReplicas: 10,
        horizontal: true,
      },
      prices,
    );
    expect({ missing, problems, warnings }).toEqual({
      missing: [],
      problems: [],
      warnings: [],
    });
    const one = perReplica(0.1, 0.125);
    expect(estimate).toEqual({
      cpuCores: 0.1,
      memoryGiB: 0.125,
      perReplica: expect.closeTo(one, 10),
      minReplicas: 2,
      maxReplicas: 10,
      min: expect.closeTo(2 * one, 10),
      max: expect.closeTo(10 * one, 10),
      autoscaled: true,
      replicasAssumed: false,
    });
    // 0.1 × 0.031611 + 0.125 × 0.004237 = 0.00369073 per hour → $2.69 a month.
    expect(estimate!.perReplica).toBeCloseTo(2.694229, 5);
  });

  it('uses the configured prices', () => {
    const { estimate } = estimateMonthlyCost(
      { cpuRequest: '1', memoryRequest: '1Gi', replicas: 1 },
      { cpuCoreHour: 0.05, memoryGiBHour: 0.01, currency: 'EUR' },
    );
    expect(estimate!.perReplica).toBeCloseTo(0.06 * 730, 10);
  });

  it('counts a fixed replica count when the autoscaler does not scale out', () => {
    const { estimate } = estimateMonthlyCost(
      {
        cpuRequest: '4',
        memoryRequest: '2Gi',
        minReplicas: 3,
        maxReplicas: 10,
        horizontal: false,
      },
      prices,
    );
    expect(estimate).toMatchObject({
      minReplicas: 3,
      maxReplicas: 3,
      autoscaled: false,
    });
    expect(estimate!.min).toBeCloseTo(3 * perReplica(4, 2), 10);
  });

  it('prefers a replicas field for a fixed count', () => {
    const { estimate } = estimateMonthlyCost(
      { cpuRequest: '1', memoryRequest: '1Gi', replicas: '4', minReplicas: 1 },
      { ...prices },
    );
    expect(estimate).toMatchObject({ minReplicas: 1, maxReplicas: 1 });
    const fixed = estimateMonthlyCost(
      {
        cpuRequest: '1',
        memoryRequest: '1Gi',
        replicas: '4',
        minReplicas: 1,
        horizontal: false,
      },
      prices,
    );
    expect(fixed.estimate).toMatchObject({ minReplicas: 4, maxReplicas: 4 });
  });

  it('takes the only replica field there is', () => {
    expect(
      estimateMonthlyCost(
        { cpuRequest: '1', memoryRequest: '1Gi', minReplicas: 2 },
        prices,
      ).estimate,
    ).toMatchObject({ minReplicas: 2, maxReplicas: 2, autoscaled: false });
    expect(
      estimateMonthlyCost(
        { cpuRequest: '1', memoryRequest: '1Gi', maxReplicas: 5 },
        prices,
      ),
    ).toMatchObject({
      estimate: { minReplicas: 5, maxReplicas: 5 },
      missing: [],
    });
  });

  it('assumes one replica when the form has no replica field', () => {
    expect(
      estimateMonthlyCost(
        { cpuRequest: '250m', memoryRequest: '512Mi' },
        prices,
      ).estimate,
    ).toMatchObject({ minReplicas: 1, maxReplicas: 1, replicasAssumed: true });
  });

  it('asks for empty inputs and gives no estimate', () => {
    const result = estimateMonthlyCost(
      {
        cpuRequest: '',
        memoryRequest: undefined,
        minReplicas: undefined,
        maxReplicas: 3,
      },
      prices,
    );
    expect(result.estimate).toBeUndefined();
    expect(result.problems).toEqual([]);
    expect(result.missing.map(m => m.message)).toEqual([
      'Enter the CPU request.',
      'Enter the memory request.',
      'Enter the minimum replicas.',
    ]);
  });

  it('names the ui:options key when the form has no field for a request', () => {
    const result = estimateMonthlyCost({ memoryRequest: '1Gi' }, prices);
    expect(result.estimate).toBeUndefined();
    expect(result.problems).toEqual([
      {
        input: 'cpuRequest',
        message:
          "The form has no field for the CPU request: name it in the template's ui:options.cpuRequest.",
      },
    ]);
  });

  it('rejects what is not a quantity, zero, or memory without a unit', () => {
    const result = estimateMonthlyCost(
      {
        cpuRequest: 'lots',
        memoryRequest: '512m',
        cpuLimit: '0',
        minReplicas: 'two',
      },
      prices,
    );
    expect(result.estimate).toBeUndefined();
    expect(result.problems.map(p => p.message)).toEqual([
      'CPU request “lots” is not a Kubernetes quantity; write it like 250m, 0.5 or 2.',
      'Memory request “512m” is 0.512 bytes: memory is counted in bytes, so write it with a binary suffix such as 512Mi or 1Gi.',
      'CPU limit “0” must be above zero.',
      'Minimum replicas “two” is not a whole number of replicas.',
    ]);
  });

  it('rejects a limit below its request, as Kubernetes does', () => {
    const result = estimateMonthlyCost(
      { cpuRequest: '1', memoryRequest: '1Gi', memoryLimit: '512Mi' },
      prices,
    );
    expect(result.estimate).toBeUndefined();
    expect(result.problems).toEqual([
      {
        input: 'memoryLimit',
        message:
          'Memory limit “512Mi” is below the memory request “1Gi”: Kubernetes rejects a pod whose limit is below its request.',
      },
    ]);
  });

  it('rejects a minimum above the maximum', () => {
    const result = estimateMonthlyCost(
      { cpuRequest: '1', memoryRequest: '1Gi', minReplicas: 5, maxReplicas: 3 },
      prices,
    );
    expect(result.estimate).toBeUndefined();
    expect(result.problems.map(p => p.message)).toEqual([
      'Minimum replicas (5) is above maximum replicas (3).',
    ]);
  });

  it('warns when limits are far above the requests, and still estimates', () => {
    const result = estimateMonthlyCost(
      {
        cpuRequest: '250m',
        cpuLimit: '2',
        memoryRequest: '256Mi',
        memoryLimit: '1Gi',
        replicas: 1,
      },
      prices,
    );
    expect(result.estimate).toBeDefined();
    expect(result.warnings.map(w => w.input)).toEqual([
      'memoryLimit',
      'cpuLimit',
    ]);
    expect(result.warnings[0].message).toMatch(
      /^Memory limit “1Gi” is 4× the memory request “256Mi”\. The scheduler packs pods onto nodes by their requests/,
    );
    expect(result.warnings[0].message).toContain('OOM-kills');
    expect(result.warnings[1].message).toMatch(
      /^CPU limit “2” is 8× the CPU request “250m”\./,
    );
  });

  it('accepts limits up to 2× (memory) and 4× (CPU) the request', () => {
    expect(
      estimateMonthlyCost(
        {
          cpuRequest: '250m',
          cpuLimit: '1',
          memoryRequest: '256Mi',
          memoryLimit: '512Mi',
        },
        prices,
      ).warnings,
    ).toEqual([]);
  });

  it('words its messages with the form titles it is given', () => {
    const result = estimateMonthlyCost(
      { cpuRequest: '', memoryRequest: '1Gi', minReplicas: 1 },
      prices,
      {
        cpuRequest: 'CPU request per run',
        memoryRequest: 'Memory request per run',
        cpuLimit: 'CPU limit per run',
        memoryLimit: 'Memory limit per run',
        replicas: 'Replicas',
        minReplicas: 'Replicas per site',
        maxReplicas: 'Maximum replicas',
      },
    );
    expect(result.missing.map(m => m.message)).toEqual([
      'Enter the CPU request per run.',
    ]);
  });
});

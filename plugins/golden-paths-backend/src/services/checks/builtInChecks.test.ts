import { GOLDEN_PATH_GUARANTEES } from '@golden-paths/golden-paths-common';
import { builtInChecks, createBuiltInChecks } from './builtInChecks';
import {
  checkContext,
  examplePath,
  FIXTURE_NAMES,
  fixtureEntity,
  fixtureRepository,
} from './__testUtils__/fixtures';
import { editYaml } from './__testUtils__/mutations';

describe('builtInChecks', () => {
  it('has one check per guarantee, with its id, title and description', () => {
    expect(
      builtInChecks.map(({ id, title, description }) => ({
        id,
        title,
        description,
      })),
    ).toEqual(
      GOLDEN_PATH_GUARANTEES.map(({ id, title, description }) => ({
        id,
        title,
        description,
      })),
    );
    expect(builtInChecks.map(check => check.id)).toEqual([
      'owner',
      'ci',
      'sbom',
      'image-signing',
      'vulnerability-scan',
      'resource-requests',
      'autoscaling',
      'observability',
      'cost-labels',
    ]);
  });

  it('applies each check to the paths that list its guarantee', () => {
    const legacy = examplePath('node-http-service-legacy');
    expect(
      builtInChecks.filter(check => check.appliesTo?.(legacy)).map(c => c.id),
    ).toEqual(['owner', 'ci', 'resource-requests']);
    const spark = examplePath('spark-job');
    expect(
      builtInChecks.filter(check => !check.appliesTo?.(spark)).map(c => c.id),
    ).toEqual(['autoscaling']);
    const noGuarantees = { ...spark, spec: { ...spark.spec, guarantees: [] } };
    expect(builtInChecks.some(check => check.appliesTo?.(noGuarantees))).toBe(
      false,
    );
  });

  it('declares the repository files of every check that reads them', () => {
    const patterns = Object.fromEntries(
      builtInChecks.map(check => [check.id, check.repositoryFiles]),
    );
    expect(patterns.owner).toBeUndefined();
    expect(patterns.ci).toEqual(
      expect.arrayContaining(['.github/workflows/*.yaml', '.gitlab-ci.yml']),
    );
    expect(patterns.sbom).toEqual(patterns.ci);
    expect(patterns['resource-requests']).toEqual(
      expect.arrayContaining(['k8s/**/*.yaml', 'deploy/**/*.yml']),
    );
    for (const check of builtInChecks.filter(c => c.id !== 'owner')) {
      expect(check.repositoryFiles?.length).toBeGreaterThan(0);
      for (const pattern of check.repositoryFiles ?? []) {
        expect(pattern).not.toMatch(/[{}?[\]]/);
      }
    }
  });

  it('passes the cost labels option to the cost-labels check', async () => {
    const [costLabels] = createBuiltInChecks({
      costLabels: ['team', 'data-classification'],
    }).filter(check => check.id === 'cost-labels');
    const verdict = await costLabels.evaluate(checkContext());
    expect(verdict.status).toBe('fail');
    expect(verdict.reason).toContain('has no data-classification label');
  });
});

describe('the templates of the example golden paths', () => {
  it('has a fixture for every path with a template', () => {
    expect(FIXTURE_NAMES).toEqual([
      'cnf-5g-network-function',
      'ml-training-job',
      'node-http-service',
      'python-data-pipeline',
      'react-frontend',
      'spark-job',
    ]);
  });

  it.each(FIXTURE_NAMES)(
    '%s: the dry-run output passes every guarantee its path lists',
    async name => {
      const path = examplePath(name);
      const context = checkContext({
        entity: fixtureEntity(name),
        path,
        repository: fixtureRepository(name),
      });
      const applicable = builtInChecks.filter(check => check.appliesTo?.(path));
      expect(applicable.map(c => c.id)).toEqual(path.spec.guarantees);
      const verdicts = await Promise.all(
        applicable.map(async check => ({
          id: check.id,
          ...(await check.evaluate(context)),
        })),
      );
      expect(verdicts.filter(v => v.status !== 'pass')).toEqual([]);
    },
  );

  it('spark-job does not autoscale, which its path does not promise', async () => {
    const [autoscaling] = builtInChecks.filter(c => c.id === 'autoscaling');
    const context = checkContext({
      entity: fixtureEntity('spark-job'),
      path: examplePath('spark-job'),
      repository: fixtureRepository('spark-job'),
    });
    expect(await autoscaling.evaluate(context)).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining(
        'nothing autoscales SparkApplication dry-spark-job in k8s/sparkapplication.yaml',
      ),
    });

    const withDynamicAllocation = editYaml(
      context.repository,
      'k8s/sparkapplication.yaml',
      document =>
        document.setIn(['spec', 'dynamicAllocation'], {
          enabled: true,
          minExecutors: 1,
          maxExecutors: 20,
        }),
    );
    expect(
      await autoscaling.evaluate({
        ...context,
        repository: withDynamicAllocation,
      }),
    ).toEqual({
      status: 'pass',
      reason:
        'SparkApplication dry-spark-job in k8s/sparkapplication.yaml scales itself (spec.dynamicAllocation.enabled)',
    });
  });
});

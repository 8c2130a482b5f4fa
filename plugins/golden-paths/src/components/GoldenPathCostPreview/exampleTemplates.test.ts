import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { estimateMonthlyCost } from './estimateMonthlyCost';
import { readCostInputs } from './readCostInputs';
import { DEFAULT_COST_PRICES } from './useCostPrices';

/*
 * Every example template that uses the cost preview: its ui:options name
 * fields the form has, and its defaults give an estimate without problems.
 */

const TEMPLATES = join(__dirname, '../../../../../examples/templates');

type Step = { properties?: Record<string, any> };

const uses = readdirSync(TEMPLATES).flatMap(name => {
  const template = parse(
    readFileSync(join(TEMPLATES, name, 'template.yaml'), 'utf8'),
  );
  const steps: Step[] = [].concat(template.spec.parameters ?? []);
  const defaults = Object.fromEntries(
    steps.flatMap(step =>
      Object.entries(step.properties ?? {})
        .filter(([, property]) => property.default !== undefined)
        .map(([key, property]) => [key, property.default]),
    ),
  );
  return steps.flatMap(step =>
    Object.entries(step.properties ?? {})
      .filter(
        ([, property]) => property['ui:field'] === 'GoldenPathCostPreview',
      )
      .map(([key, property]) => ({ name, key, property, step, defaults })),
  );
});

describe('the cost preview in the example templates', () => {
  it('is used by the long-running service templates', () => {
    expect(uses.map(use => use.name).sort()).toEqual([
      'cnf-5g-network-function',
      'node-http-service',
      'react-frontend',
    ]);
  });

  it.each(uses.map(use => [use.name, use] as const))(
    'estimates %s from its defaults',
    (_name, { property, step, defaults }) => {
      // A display-only field: no value of its own, hidden from the review.
      expect(property.type).toBe('null');
      expect(property.default).toBeUndefined();
      expect(property['ui:backstage']).toEqual({ review: { show: false } });

      const options = property['ui:options'];
      for (const field of Object.values<string>(options)) {
        expect(Object.keys(step.properties ?? {})).toContain(field);
      }
      const { inputs, labels } = readCostInputs(defaults, step, options);
      const result = estimateMonthlyCost(inputs, DEFAULT_COST_PRICES, labels);
      expect(result).toMatchObject({ missing: [], problems: [], warnings: [] });
      expect(result.estimate!.min).toBeGreaterThan(0);
    },
  );

  it('shows the network function at its fixed replica count', () => {
    const cnf = uses.find(use => use.name === 'cnf-5g-network-function')!;
    const { inputs, labels } = readCostInputs(
      cnf.defaults,
      cnf.step,
      cnf.property['ui:options'],
    );
    // 4 CPUs and 2 GiB, one replica per site, no autoscaler.
    const { estimate } = estimateMonthlyCost(
      inputs,
      DEFAULT_COST_PRICES,
      labels,
    );
    expect(estimate).toMatchObject({
      minReplicas: 1,
      maxReplicas: 1,
      autoscaled: false,
    });
    expect(estimate!.min).toBeCloseTo((4 * 0.031611 + 2 * 0.004237) * 730, 6);
  });
});

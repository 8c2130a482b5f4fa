import { labelSelectorMatches, serviceSelectorMatches } from './labelSelector';

describe('labelSelectorMatches', () => {
  const labels = { app: 'web', tier: 'frontend' };

  it('matches matchLabels and every matchExpressions operator', () => {
    expect(labelSelectorMatches({ matchLabels: { app: 'web' } }, labels)).toBe(
      true,
    );
    expect(labelSelectorMatches({ matchLabels: { app: 'api' } }, labels)).toBe(
      false,
    );
    const expression = (operator: string, values?: string[]) =>
      labelSelectorMatches(
        { matchExpressions: [{ key: 'tier', operator, values }] },
        labels,
      );
    expect(expression('In', ['frontend', 'edge'])).toBe(true);
    expect(expression('NotIn', ['frontend'])).toBe(false);
    expect(expression('Exists')).toBe(true);
    expect(expression('DoesNotExist')).toBe(false);
    expect(expression('Unknown')).toBe(false);
  });

  it('selects everything with an empty selector', () => {
    expect(labelSelectorMatches({}, labels)).toBe(true);
    expect(labelSelectorMatches(undefined, labels)).toBe(true);
  });
});

describe('serviceSelectorMatches', () => {
  it('selects nothing with an empty selector', () => {
    expect(serviceSelectorMatches({ app: 'web' }, { app: 'web', x: 'y' })).toBe(
      true,
    );
    expect(serviceSelectorMatches({}, { app: 'web' })).toBe(false);
  });
});

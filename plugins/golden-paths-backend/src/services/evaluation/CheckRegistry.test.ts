import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import { builtInChecks } from '../checks';
import { CheckRegistry } from './CheckRegistry';

const path = (
  guarantees: string[],
  category = 'service',
): GoldenPathEntityV1alpha1 =>
  ({
    apiVersion: 'golden-paths.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: { name: 'p' },
    spec: {
      owner: 'group:default/platform-team',
      lifecycle: 'supported',
      category,
      version: '1.0.0',
      guarantees,
    },
  } as GoldenPathEntityV1alpha1);

const added = (
  id: string,
  appliesTo?: GoldenPathCheck['appliesTo'],
): GoldenPathCheck => ({
  id,
  title: id,
  description: id,
  appliesTo,
  evaluate: () => ({ status: 'pass', reason: 'ok' }),
});

describe('CheckRegistry', () => {
  it("runs a path's guarantees in its order, then the added checks that apply", () => {
    const registry = new CheckRegistry(builtInChecks, [
      added('example.com/runbook', p => p.spec.category === 'service'),
      added('example.com/everywhere'),
    ]);
    expect(registry.checksFor(path(['sbom', 'owner'])).map(c => c.id)).toEqual([
      'sbom',
      'owner',
      'example.com/runbook',
      'example.com/everywhere',
    ]);
    expect(registry.checksFor(path(['ci'], 'data')).map(c => c.id)).toEqual([
      'ci',
      'example.com/everywhere',
    ]);
  });

  it('refuses two checks with one id', () => {
    expect(() => new CheckRegistry(builtInChecks, [added('owner')])).toThrow(
      'Two golden-path checks have the id "owner"',
    );
  });
});

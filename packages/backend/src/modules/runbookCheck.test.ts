import type { Entity } from '@backstage/catalog-model';
import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import type { GoldenPathCheckContext } from '@golden-paths/golden-paths-node';
import { runbookCheck } from './runbookCheck';

function path(category: string): GoldenPathEntityV1alpha1 {
  return {
    apiVersion: 'golden-paths.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: { name: 'p' },
    spec: {
      owner: 'group:default/platform-team',
      lifecycle: 'supported',
      category,
      version: '1.0.0',
    },
  } as GoldenPathEntityV1alpha1;
}

function context(links: Entity['metadata']['links']): GoldenPathCheckContext {
  return {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'orders', links },
    },
    path: path('service'),
    repository: { status: 'none', files: [] },
    catalogHas: () => true,
  };
}

describe('runbookCheck', () => {
  it('applies to the followers of service paths only', () => {
    expect(runbookCheck.appliesTo?.(path('service'))).toBe(true);
    expect(runbookCheck.appliesTo?.(path('data'))).toBe(false);
  });

  it('passes with a link typed or titled runbook', async () => {
    expect(
      await runbookCheck.evaluate(
        context([
          { url: 'https://runbooks.example.com/orders', type: 'runbook' },
        ]),
      ),
    ).toEqual({
      status: 'pass',
      reason: 'runbook linked: https://runbooks.example.com/orders',
    });
    expect(
      (
        await runbookCheck.evaluate(
          context([{ url: 'https://wiki/x', title: 'On-call Runbook' }]),
        )
      ).status,
    ).toBe('pass');
  });

  it('fails without one, and says how to add it', async () => {
    const verdict = await runbookCheck.evaluate(
      context([{ url: 'https://grafana/x', title: 'Dashboard' }]),
    );
    expect(verdict.status).toBe('fail');
    expect(verdict.fix).toMatch(/metadata\.links/);
  });
});

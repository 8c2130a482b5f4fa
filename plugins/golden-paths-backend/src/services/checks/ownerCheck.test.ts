import type { Entity } from '@backstage/catalog-model';
import { ownerCheck } from './ownerCheck';
import { checkContext, fixtureEntity } from './__testUtils__/fixtures';

function ownedBy(owner: string | undefined, namespace = 'default'): Entity {
  const entity = fixtureEntity('node-http-service');
  return {
    ...entity,
    metadata: { ...entity.metadata, namespace },
    spec: { ...entity.spec, owner },
  };
}

describe('ownerCheck', () => {
  it('passes when spec.owner is a Group the catalog has', async () => {
    expect(await ownerCheck.evaluate(checkContext())).toEqual({
      status: 'pass',
      reason: 'owned by group:default/platform-team, a Group in the catalog',
    });
  });

  it('reads a bare name as a group in the namespace of the entity', async () => {
    const seen: string[] = [];
    const context = {
      ...checkContext({ entity: ownedBy('Payments-Team', 'payments') }),
      catalogHas: (ref: string) => {
        seen.push(ref);
        return ref === 'group:payments/payments-team';
      },
    };
    expect((await ownerCheck.evaluate(context)).status).toBe('pass');
    expect(seen).toEqual(['group:payments/payments-team']);
  });

  it('fails when a person owns the component', async () => {
    const verdict = await ownerCheck.evaluate(
      checkContext({
        entity: ownedBy('user:jane.doe'),
        catalog: ['user:default/jane.doe'],
      }),
    );
    expect(verdict).toEqual({
      status: 'fail',
      reason:
        'the component is owned by a person, not a team (spec.owner is user:default/jane.doe)',
      fix: expect.stringContaining('Set spec.owner in catalog-info.yaml'),
    });
  });

  it('fails when the group is not in the catalog', async () => {
    const verdict = await ownerCheck.evaluate(
      checkContext({ entity: ownedBy('group:default/ghost-team') }),
    );
    expect(verdict).toMatchObject({
      status: 'fail',
      reason:
        'spec.owner is group:default/ghost-team, which is not a Group in the catalog',
    });
  });

  it('fails without an owner, or with another kind or a bad reference', async () => {
    const reasons = await Promise.all(
      [undefined, '  ', 'system:default/payments', 'group:'].map(
        async owner =>
          (
            await ownerCheck.evaluate(checkContext({ entity: ownedBy(owner) }))
          ).reason,
      ),
    );
    expect(reasons).toEqual([
      'the component has no spec.owner',
      'the component has no spec.owner',
      'spec.owner is system:default/payments, which is a system, not a Group',
      'spec.owner "group:" is not a valid entity reference',
    ]);
  });

  it('names the file the entity comes from', async () => {
    const entity = ownedBy(undefined);
    entity.metadata.annotations = {
      'backstage.io/managed-by-location':
        'url:https://github.com/example-org/payments-api/blob/main/catalog-info.yaml',
    };
    expect((await ownerCheck.evaluate(checkContext({ entity }))).reason).toBe(
      'the component has no spec.owner in catalog-info.yaml',
    );
  });

  it('never answers unknown, even when the repository could not be read', async () => {
    const verdict = await ownerCheck.evaluate(
      checkContext({
        repository: { status: 'unavailable', reason: 'HTTP 404', files: [] },
      }),
    );
    expect(verdict.status).toBe('pass');
  });
});

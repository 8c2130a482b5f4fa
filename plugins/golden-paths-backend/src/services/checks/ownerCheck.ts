import type { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  tryParseEntityRef,
} from '@golden-paths/golden-paths-common';
import type {
  GoldenPathCheck,
  GoldenPathCheckVerdict,
} from '@golden-paths/golden-paths-node';
import { guaranteeCheckBase } from './guarantee';

const FIX =
  'Set spec.owner in catalog-info.yaml to the team that owns the component, e.g. group:default/payments-team.';

/** "spec.owner in catalog-info.yaml", when the catalog says where the entity came from. */
function ownerField(entity: Entity): string {
  const location =
    entity.metadata.annotations?.['backstage.io/managed-by-location'];
  // What follows the last `/` or `:`, without splitting (once per follower).
  const file = location?.slice(
    Math.max(location.lastIndexOf('/'), location.lastIndexOf(':')) + 1,
  );
  return file ? `spec.owner in ${file}` : 'spec.owner';
}

function ownerVerdict(
  entity: Entity,
  catalogHas: (entityRef: string) => boolean,
): GoldenPathCheckVerdict {
  const field = ownerField(entity);
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    return {
      status: 'fail',
      reason: `the component has no ${field}`,
      fix: FIX,
    };
  }
  const ref = tryParseEntityRef(owner.trim(), {
    defaultKind: 'group',
    defaultNamespace: entity.metadata.namespace,
  });
  if (!ref) {
    return {
      status: 'fail',
      reason: `${field} "${owner}" is not a valid entity reference`,
      fix: FIX,
    };
  }
  const kind = ref.kind.toLowerCase();
  const fullRef = entityRefKey(ref);
  if (kind === 'user') {
    return {
      status: 'fail',
      reason: `the component is owned by a person, not a team (${field} is ${fullRef})`,
      fix: FIX,
    };
  }
  if (kind !== 'group') {
    return {
      status: 'fail',
      reason: `${field} is ${fullRef}, which is a ${ref.kind}, not a Group`,
      fix: FIX,
    };
  }
  if (!catalogHas(fullRef)) {
    return {
      status: 'fail',
      reason: `${field} is ${fullRef}, which is not a Group in the catalog`,
      fix: 'Point spec.owner at an existing Group, or register the group in the catalog.',
    };
  }
  return {
    status: 'pass',
    reason: `owned by ${fullRef}, a Group in the catalog`,
  };
}

/**
 * The `owner` guarantee: `spec.owner` resolves to a Group in the catalog. It
 * reads only the entity, so it is never `unknown`.
 *
 * @public
 */
export const ownerCheck: GoldenPathCheck = {
  ...guaranteeCheckBase('owner'),
  evaluate: ({ entity, catalogHas }) => ownerVerdict(entity, catalogHas),
};

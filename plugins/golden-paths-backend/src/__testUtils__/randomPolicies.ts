import { catalogConditions as is } from '@backstage/plugin-catalog-backend/alpha';
import type {
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_GOLDEN_PATH_VERSION,
  GOLDEN_PATH_KIND,
} from '@golden-paths/golden-paths-common';
import type { PolicyVocabulary } from './policyVocabulary';

export { type PolicyVocabulary, policyVocabulary } from './policyVocabulary';
export {
  RandomPolicyPermissions,
  randomPolicyPermissionsFactory,
} from './randomPolicyPermissions';

/** Conditions of a catalog-entity read decision. */
export type EntityCriteria = PermissionCriteria<
  PermissionCondition<'catalog-entity'>
>;

/** One user's conditional decision for `catalog.entity.read`. */
export interface RandomPolicy {
  /** `policy-NN-<shape>`: the shape says what kind of policy it is. */
  name: string;
  /** The user the policy applies to, e.g. `user:default/policy-01`. */
  userRef: string;
  conditions: EntityCriteria;
}

class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** mulberry32: small, fast and the same on every platform. */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `min` to `max` distinct items (fewer when there are fewer). */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const count = min + Math.floor(this.next() * (max - min + 1));
    return this.shuffle(items).slice(0, count);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /**
   * The value as written, in lower or upper case, or capitalized after each
   * separator: the catalog matches values and kinds in any case.
   */
  anyCase(value: string): string {
    switch (Math.floor(this.next() * 4)) {
      case 0:
        return value;
      case 1:
        return value.toLocaleLowerCase('en-US');
      case 2:
        return value.toLocaleUpperCase('en-US');
      default:
        return value.replace(/(^|[:/.-])([a-z])/g, (_, separator, letter) =>
          `${separator}${letter}`.toLocaleUpperCase('en-US'),
        );
    }
  }
}

type Shape = (r: Random, v: PolicyVocabulary) => EntityCriteria;

const goldenPathKind = (r: Random) =>
  is.isEntityKind({ kinds: [r.anyCase(GOLDEN_PATH_KIND)] });

function valuesOf(
  entries: PolicyVocabulary['annotations'],
  key: string,
): string[] {
  const values = entries.find(e => e.key === key)?.values;
  if (!values?.length) {
    throw new Error(`The catalog carries no ${key}`);
  }
  return values;
}

/**
 * The kinds of policy, each with its parameters drawn at random. Between
 * them they see all, many, few or none of a path's followers, hide some or
 * all GoldenPaths, and use every built-in rule.
 */
const SHAPES: Record<string, Shape> = {
  // Few followers (a team's), every path.
  'owned-or-path': (r, v) => ({
    anyOf: [
      is.isEntityOwner({
        claims: r
          .some(v.groups, 1, 3)
          .map(g => (r.chance(0.5) ? r.anyCase(g) : g)),
      }),
      goldenPathKind(r),
    ],
  }),
  // Most followers: all but one type's; every path.
  'not-of-type': (r, v) => ({
    allOf: [
      is.isEntityKind({
        kinds: [r.anyCase('Component'), r.anyCase(GOLDEN_PATH_KIND)],
      }),
      {
        not: is.hasSpec({
          key: 'type',
          value: r.anyCase(r.pick(v.componentTypes)),
        }),
      },
    ],
  }),
  // A few cost centers' followers; the paths but those of one lifecycle.
  'cost-center': (r, v) => {
    const label = r.pick(v.labels);
    const [first, second] = r.some(label.values, 2, 2);
    return {
      anyOf: [
        is.hasLabel({ label: label.key, value: r.anyCase(first) }),
        is.hasLabel({ label: r.anyCase(label.key), value: second }),
        {
          allOf: [
            goldenPathKind(r),
            {
              not: is.hasSpec({
                key: 'lifecycle',
                value: r.pick(v.pathLifecycles),
              }),
            },
          ],
        },
      ],
    };
  },
  // All of one path's followers, and others at one version; every path.
  'path-annotation': (r, v) => ({
    anyOf: [
      is.hasAnnotation({
        annotation: ANNOTATION_GOLDEN_PATH,
        value: r.anyCase(r.pick(v.paths)),
      }),
      is.hasAnnotation({
        annotation: ANNOTATION_GOLDEN_PATH_VERSION,
        value: r.pick(valuesOf(v.annotations, ANNOTATION_GOLDEN_PATH_VERSION)),
      }),
      goldenPathKind(r),
    ],
  }),
  // Followers and paths of one lifecycle each: hides some paths.
  lifecycle: (r, v) => ({
    anyOf: [
      is.hasSpec({
        key: 'lifecycle',
        value: r.anyCase(r.pick(v.componentLifecycles)),
      }),
      is.hasSpec({
        key: 'lifecycle',
        value: r.anyCase(r.pick(v.pathLifecycles)),
      }),
    ],
  }),
  // Array values: `tags` with a value, and the `tags.<tag>` key it implies.
  tags: (r, v) => ({
    anyOf: [
      is.hasMetadata({
        key: 'tags',
        value: r.anyCase(r.pick(v.componentTags)),
      }),
      is.hasMetadata({ key: `tags.${r.anyCase(r.pick(v.pathTags))}` }),
    ],
  }),
  // Everything in the namespace but two systems' components.
  'namespace-minus-systems': (r, v) => {
    const [first, second] = r.some(v.systems, 2, 2);
    return {
      allOf: [
        is.hasMetadata({ key: 'namespace', value: r.anyCase('default') }),
        {
          not: {
            anyOf: [
              is.hasSpec({ key: 'system', value: first }),
              is.hasSpec({ key: 'system', value: r.anyCase(second) }),
            ],
          },
        },
      ],
    };
  },
  // Three levels: teams' followers without a version, paths but some.
  'owner-without-version': (r, v) => ({
    anyOf: [
      {
        allOf: [
          is.isEntityOwner({ claims: r.some(v.groups, 2, 4) }),
          {
            not: is.hasAnnotation({
              annotation: ANNOTATION_GOLDEN_PATH_VERSION,
            }),
          },
        ],
      },
      {
        allOf: [
          goldenPathKind(r),
          {
            not: {
              anyOf: [
                is.hasMetadata({ key: 'tags', value: r.pick(v.pathTags) }),
                is.hasSpec({
                  key: 'lifecycle',
                  value: r.anyCase(r.pick(v.pathLifecycles)),
                }),
              ],
            },
          },
        ],
      },
    ],
  }),
  // Followers whose owner is a user or not in the catalog; every path.
  orphans: (r, v) => ({
    anyOf: [
      is.isEntityOwner({
        claims: r
          .some([...new Set([...v.users, ...v.orphanOwners])], 1, 2)
          .map(o => r.anyCase(o)),
      }),
      goldenPathKind(r),
    ],
  }),
  // Every path, none of their followers.
  'paths-without-followers': r => ({
    anyOf: [
      goldenPathKind(r),
      is.hasMetadata({ key: 'tags', value: 'no-such-tag' }),
    ],
  }),
  // Followers of one type, none of the paths.
  'followers-without-paths': (r, v) => ({
    allOf: [
      is.isEntityKind({ kinds: [r.anyCase('Component')] }),
      is.hasSpec({ key: 'type', value: r.pick(v.componentTypes) }),
    ],
  }),
  // All but a team's components; the paths too unless it owns them.
  'not-owned': (r, v) => ({
    not: is.isEntityOwner({
      claims: [
        r.pick(v.groups),
        ...(r.chance(0.5) ? [r.anyCase(r.pick(v.pathOwners))] : []),
      ],
    }),
  }),
  // One system's followers of one type, and the paths of one category.
  'system-type-or-category': (r, v) => ({
    anyOf: [
      {
        allOf: [
          is.hasSpec({ key: 'system', value: r.pick(v.systems) }),
          is.hasSpec({
            key: 'type',
            value: r.anyCase(r.pick(v.componentTypes)),
          }),
        ],
      },
      is.hasSpec({
        key: 'category',
        value: r.anyCase(r.pick(v.pathCategories)),
      }),
    ],
  }),
};

/**
 * `count` conditional policies over the catalog's vocabulary, the same for
 * the same seed: every shape once (in a seeded order) before any twice.
 */
export function randomConditionalPolicies(options: {
  count: number;
  seed: number;
  catalog: PolicyVocabulary;
}): RandomPolicy[] {
  const r = new Random(options.seed);
  const names = Object.keys(SHAPES);
  const order: string[] = [];
  while (order.length < options.count) {
    order.push(...r.shuffle(names));
  }
  return order.slice(0, options.count).map((shape, i) => {
    const number = String(i + 1).padStart(2, '0');
    return {
      name: `policy-${number}-${shape}`,
      userRef: `user:default/policy-${number}`,
      conditions: SHAPES[shape](r, options.catalog),
    };
  });
}

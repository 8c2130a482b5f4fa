import type { Entity } from '@backstage/catalog-model';
import {
  GOLDEN_PATH_API_VERSION,
  GOLDEN_PATH_KIND,
  GOLDEN_PATH_KIND_LOWER,
} from '../constants';
import type { GoldenPathGuaranteeId } from '../guarantees';

/**
 * Where a golden path stands in its own life.
 *
 * @public
 */
export type GoldenPathLifecycle = 'supported' | 'beta' | 'deprecated';

/**
 * Every {@link GoldenPathLifecycle}, in the order the portal shows them.
 *
 * @public
 */
export const GOLDEN_PATH_LIFECYCLES: ReadonlyArray<GoldenPathLifecycle> = [
  'supported',
  'beta',
  'deprecated',
];

/**
 * The kind of software a golden path is for.
 *
 * @public
 */
export type GoldenPathCategory =
  | 'service'
  | 'data'
  | 'ml'
  | 'frontend'
  | 'network-function'
  | 'library';

/**
 * Every {@link GoldenPathCategory}, in the order the portal shows them.
 *
 * @public
 */
export const GOLDEN_PATH_CATEGORIES: ReadonlyArray<GoldenPathCategory> = [
  'service',
  'data',
  'ml',
  'frontend',
  'network-function',
  'library',
];

/**
 * The tooling a golden path decides for the developer. The named keys are
 * the ones the portal shows first; platform teams may add their own.
 *
 * @public
 */
export type GoldenPathStack = {
  language?: string;
  runtime?: string;
  framework?: string;
  ci?: string;
  deploy?: string;
  observability?: string;
  [key: string]: string | undefined;
};

/**
 * One step a developer takes on the path.
 *
 * @public
 */
export type GoldenPathStep = {
  title: string;
  /** Markdown. */
  description?: string;
};

/**
 * The `spec` of a {@link GoldenPathEntityV1alpha1}.
 *
 * @public
 */
export type GoldenPathSpec = {
  /** Entity reference of the owning group (or user). */
  owner: string;
  lifecycle: GoldenPathLifecycle;
  category: GoldenPathCategory;
  /** Semantic version of the path's contract. */
  version: string;
  /** Entity reference of the path that replaces this one; set when deprecated. */
  replacedBy?: string;
  /** Entity references of the software templates that scaffold this path. */
  templates?: string[];
  stack?: GoldenPathStack;
  guarantees?: GoldenPathGuaranteeId[];
  steps?: GoldenPathStep[];
};

/**
 * A golden path: an opinionated, supported way to build and run one kind of
 * software.
 *
 * @public
 */
export interface GoldenPathEntityV1alpha1 extends Entity {
  /** Always `golden-paths.dev/v1alpha1`. */
  apiVersion: typeof GOLDEN_PATH_API_VERSION;
  /** Always `GoldenPath`. */
  kind: typeof GOLDEN_PATH_KIND;
  /** The path's contract: owner, lifecycle, version, templates, guarantees. */
  spec: GoldenPathSpec;
}

/**
 * Returns whether an entity is a GoldenPath by its apiVersion and kind. It
 * does not validate the rest of the entity; use the validator for that.
 *
 * @public
 */
export function isGoldenPathEntity(
  entity: Entity,
): entity is GoldenPathEntityV1alpha1 {
  return (
    entity.apiVersion === GOLDEN_PATH_API_VERSION &&
    entity.kind?.toLocaleLowerCase('en-US') === GOLDEN_PATH_KIND_LOWER
  );
}

import {
  GOLDEN_PATH_LIFECYCLES,
  type GoldenPathCategory,
  type GoldenPathEntityV1alpha1,
  normalizeEntityRef,
} from '@golden-paths/golden-paths-common';

/**
 * Which path category fits a Component's `spec.type`. Backstage leaves the
 * type free-form, so this covers the well-known types and the ones the
 * golden-path templates write (`service`, `website`, `data-pipeline`,
 * `ml-model`, `network-function`) with their usual synonyms. A path also fits
 * when one of its templates creates components of exactly that type, which
 * catches whatever a platform team's templates call their types.
 */
export const COMPONENT_TYPE_CATEGORIES: Readonly<
  Record<string, GoldenPathCategory>
> = {
  service: 'service',
  backend: 'service',
  microservice: 'service',
  api: 'service',
  website: 'frontend',
  frontend: 'frontend',
  webapp: 'frontend',
  'web-app': 'frontend',
  spa: 'frontend',
  pipeline: 'data',
  'data-pipeline': 'data',
  data: 'data',
  etl: 'data',
  batch: 'data',
  'spark-job': 'data',
  ml: 'ml',
  'ml-model': 'ml',
  model: 'ml',
  'machine-learning': 'ml',
  'ml-training': 'ml',
  'network-function': 'network-function',
  cnf: 'network-function',
  vnf: 'network-function',
  library: 'library',
};

const normalize = (text: string) => text.trim().toLocaleLowerCase('en-US');

/** The category for a component type, or undefined for a type we do not know. */
export function categoryForComponentType(
  type: unknown,
): GoldenPathCategory | undefined {
  return typeof type === 'string'
    ? COMPONENT_TYPE_CATEGORIES[normalize(type)]
    : undefined;
}

/** A template ref of a path as a full, lower-case ref, or undefined. */
export function templateRefOf(
  path: GoldenPathEntityV1alpha1,
  ref: string,
): string | undefined {
  return normalizeEntityRef(ref, {
    defaultKind: 'Template',
    defaultNamespace: path.metadata.namespace ?? 'default',
  });
}

/** Every template ref of the paths, once, full and lower-case. */
export function templateRefsOf(
  paths: ReadonlyArray<GoldenPathEntityV1alpha1>,
): string[] {
  const refs = new Set<string>();
  for (const path of paths) {
    for (const ref of path.spec.templates ?? []) {
      const full = templateRefOf(path, ref);
      if (full) {
        refs.add(full);
      }
    }
  }
  return [...refs];
}

/**
 * The paths a component of the given type could adopt: not deprecated, and
 * either of the category its type maps to or with a template that creates
 * components of that type. Supported paths come before beta ones.
 *
 * @param templateTypes - `spec.type` of each template by full, lower-case ref
 */
export function matchingPaths(
  componentType: unknown,
  paths: ReadonlyArray<GoldenPathEntityV1alpha1>,
  templateTypes: ReadonlyMap<string, string> = new Map(),
): GoldenPathEntityV1alpha1[] {
  if (typeof componentType !== 'string' || !componentType.trim()) {
    return [];
  }
  const type = normalize(componentType);
  const category = categoryForComponentType(type);
  const lifecycleRank = (path: GoldenPathEntityV1alpha1) => {
    const rank = GOLDEN_PATH_LIFECYCLES.indexOf(path.spec.lifecycle);
    return rank === -1 ? GOLDEN_PATH_LIFECYCLES.length : rank;
  };
  const title = (path: GoldenPathEntityV1alpha1) =>
    path.metadata.title ?? path.metadata.name;

  return paths
    .filter(path => path.spec.lifecycle !== 'deprecated')
    .filter(
      path =>
        (category !== undefined && path.spec.category === category) ||
        (path.spec.templates ?? []).some(ref => {
          const full = templateRefOf(path, ref);
          const templateType = full ? templateTypes.get(full) : undefined;
          return templateType !== undefined && normalize(templateType) === type;
        }),
    )
    .sort(
      (a, b) =>
        lifecycleRank(a) - lifecycleRank(b) ||
        title(a).localeCompare(title(b), 'en'),
    );
}

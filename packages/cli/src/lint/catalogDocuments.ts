import { basename } from 'node:path';

/**
 * API groups of catalog entities: Backstage's own (`backstage.io/v1alpha1`,
 * and subgroups such as `scaffolder.backstage.io/v1beta3`) and this
 * project's `golden-paths.dev/v1alpha1`.
 */
const CATALOG_API_GROUPS = ['backstage.io', 'golden-paths.dev'];

/** The file name Backstage looks for in a repository (catalog.import.entityFilename). */
const CATALOG_FILE_NAMES = ['catalog-info.yaml', 'catalog-info.yml'];

function lower(value: string): string {
  return value.toLocaleLowerCase('en-US');
}

/**
 * Whether an `apiVersion` belongs to a catalog API group. `v1` (the
 * Kubernetes core group) has no group at all, so it is not one.
 */
export function isCatalogApiVersion(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash <= 0) {
    return false;
  }
  const group = lower(apiVersion.slice(0, slash).trim());
  return CATALOG_API_GROUPS.some(
    catalogGroup =>
      group === catalogGroup || group.endsWith(`.${catalogGroup}`),
  );
}

/**
 * Whether a parsed YAML document found in a directory walk is meant as a
 * catalog entity, and so is linted. Repositories hold other YAML next to
 * `catalog-info.yaml`: Kubernetes manifests and Kustomize files (their
 * `apiVersion` names another API group), and configuration such as
 * `mkdocs.yml` or `docker-compose.yml` (no `apiVersion`, `kind` or
 * `metadata` at all). Those are not catalog entities. Anything else is
 * linted, so a catalog document that lost its `apiVersion` is still
 * reported. A kind allowed with `--allow-kind` is linted whatever its
 * `apiVersion`, since custom kinds live in their own API groups.
 */
export function isCatalogDocument(
  value: unknown,
  allowKinds: ReadonlyArray<string> = [],
): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const { apiVersion, kind, metadata } = value as Record<string, unknown>;
  if (apiVersion === undefined) {
    return kind !== undefined || metadata !== undefined;
  }
  if (typeof apiVersion !== 'string' || isCatalogApiVersion(apiVersion)) {
    return true;
  }
  return (
    typeof kind === 'string' &&
    allowKinds.some(allowed => lower(allowed) === lower(kind))
  );
}

/**
 * Whether a file is named as Backstage names catalog files in repositories.
 * Such a file is always linted in full, whatever its documents say.
 */
export function isCatalogInfoFile(path: string): boolean {
  return CATALOG_FILE_NAMES.includes(lower(basename(path)));
}

import type { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_GOLDEN_PATH_VERSION,
  GOLDEN_PATH_KIND,
  type GoldenPathEntityV1alpha1,
  isGoldenPathEntity,
} from '@golden-paths/golden-paths-common';
import {
  readTemplateRevision,
  type TemplateRevision,
} from '../render/templateRevision';
import { templateFileUrl } from '../render/templateFileUrl';
import type { TemplateTreeReader } from '../render/templateTree';
import {
  SCAFFOLD_RECORD_PATH,
  type ScaffoldRecord,
} from '../scaffold/scaffoldRecord';
import { parseScaffoldRecord } from '../scaffold/scaffoldRecordYaml';
import {
  type ComponentRepository,
  openComponentRepository,
  readRepositoryFile,
} from './componentRepository';
import type { PrepareOptions } from './preparedUpgrade';
import { cached, newReadCache } from './readCache';
import { trustedTemplateRef } from './trustedTemplate';
import type { UpgradeLimits } from './upgradeLimits';
import { checkUpgradeVersions } from './upgradeVersions';

/** What reading an upgrade's sources needs. */
export interface UpgradeSourceReaders {
  catalog: CatalogService;
  urlReader: UrlReaderService;
  localDirectories: string[];
  limits: UpgradeLimits;
  templates: TemplateTreeReader;
}

/**
 * Everything an upgrade is made from, read with the caller's credentials:
 * the component, its path, its repository and scaffold record, the
 * template the catalog gives it, and the revisions of the versions to
 * render (the base is missing when it can no longer be rendered, with the
 * reason).
 */
export interface UpgradeSources {
  entityRef: string;
  pathRef: string;
  path: GoldenPathEntityV1alpha1;
  toVersion: string;
  fromVersion: string;
  repository: ComponentRepository;
  recordText: Buffer;
  record: ScaffoldRecord;
  templateRef: string;
  template: Entity;
  templateUrl: string;
  target: TemplateRevision;
  base?: TemplateRevision;
  recopyReason?: string;
  /** When reading the revisions began: the render's time counts from it. */
  renderStart: number;
}

/**
 * Reads an upgrade's sources. The component comes as a ref, or already
 * read (with at least its annotations) by a bulk planning, which shares
 * its reads of paths, templates and revisions through `cache`.
 */
export async function readUpgradeSources(
  readers: UpgradeSourceReaders,
  options: PrepareOptions,
): Promise<UpgradeSources> {
  const { credentials } = options;
  const cache = options.cache ?? newReadCache();
  const readEntity = (ref: string) =>
    cached(cache.entities, ref, () =>
      readers.catalog.getEntityByRef(ref, { credentials }),
    );
  const entityRef =
    'entity' in options
      ? stringifyEntityRef(options.entity)
      : stringifyEntityRef(parseEntityRef(options.entityRef));
  const entity =
    'entity' in options
      ? options.entity
      : await readers.catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`${entityRef} not found`);
  }
  const annotations = entity.metadata.annotations ?? {};
  const { pathRef, path } = await readFollowedPath(
    entityRef,
    annotations[ANNOTATION_GOLDEN_PATH],
    readEntity,
  );
  const toVersion = path.spec.version;

  const repository = await openComponentRepository(entity, {
    urlReader: readers.urlReader,
    localDirectories: readers.localDirectories,
    limits: readers.limits.repositories,
    signal: options.signal,
  });
  const recordText = await readRepositoryFile(repository, SCAFFOLD_RECORD_PATH);
  if (!recordText) {
    throw new NotFoundError(
      `${entityRef}'s repository has no ${SCAFFOLD_RECORD_PATH}: it was not made by a golden-path template that records how, so it cannot be upgraded automatically`,
    );
  }
  const record = parseScaffoldRecord(recordText.toString('utf8'));
  const fromVersion =
    annotations[ANNOTATION_GOLDEN_PATH_VERSION] ?? record.path.version;
  checkUpgradeVersions({ entityRef, fromVersion, pathRef, toVersion });

  // The record is the repository's; the template must be the catalog's.
  const templateRef = trustedTemplateRef({
    recordTemplateRef: record.template.entityRef,
    component: entity,
    path,
  });
  const template = await readEntity(templateRef);
  if (!template) {
    throw new NotFoundError(
      `The template ${templateRef} the repository was made with is not in the catalog`,
    );
  }
  const templateUrl = templateFileUrl(template);
  const revisionOf = (version: string) =>
    cached(cache.revisions, `${templateUrl} ${version}`, () =>
      readTemplateRevision(readers.templates, {
        templateUrl,
        annotations: template.metadata.annotations,
        version,
      }),
    );

  const renderStart = Date.now();
  const target = await revisionOf(toVersion);
  let base: TemplateRevision | undefined;
  let recopyReason: string | undefined;
  try {
    base = await revisionOf(record.path.version);
  } catch (error) {
    if (!(error instanceof NotFoundError)) {
      throw error;
    }
    recopyReason = `The version the repository was made at can no longer be rendered: ${error.message}`;
  }
  return {
    entityRef,
    pathRef,
    path,
    toVersion,
    fromVersion,
    repository,
    recordText,
    record,
    templateRef,
    template,
    templateUrl,
    target,
    base,
    recopyReason,
    renderStart,
  };
}

/** The golden path a component follows, as the catalog has it. */
async function readFollowedPath(
  entityRef: string,
  followed: string | undefined,
  readEntity: (ref: string) => Promise<Entity | undefined>,
): Promise<{ pathRef: string; path: GoldenPathEntityV1alpha1 }> {
  if (!followed) {
    throw new NotFoundError(`${entityRef} follows no golden path`);
  }
  const pathRef = stringifyEntityRef(
    parseEntityRef(followed, { defaultKind: GOLDEN_PATH_KIND }),
  );
  const path = await readEntity(pathRef);
  if (!path || !isGoldenPathEntity(path)) {
    throw new NotFoundError(`Golden path ${pathRef} not found`);
  }
  return { pathRef, path };
}

import type { JsonObject } from '@backstage/types';
import type { TemplateRenderer } from '../render/TemplateRenderer';
import type { TemplateRevision } from '../render/templateRevision';
import { manifestOf } from '../scaffold/manifest';
import {
  parameterDefaults,
  recordableValues,
} from '../scaffold/recordableValues';
import {
  SCAFFOLD_RECORD_PATH,
  type ScaffoldPathContext,
  type ScaffoldRecord,
} from '../scaffold/scaffoldRecord';
import { baseExactness } from './baseExactness';
import { repositoryVersion } from './componentRepository';
import { mergeWithRepository } from './mergeWithRepository';
import { planCacheKey } from './planCache';
import type { Prepared, PrepareOptions } from './preparedUpgrade';
import {
  readUpgradeSources,
  type UpgradeSourceReaders,
  type UpgradeSources,
} from './readUpgradeSources';
import { upgradePlanDocument } from './upgradePlanDocument';

/** What preparing an upgrade needs: its readers and the renderer. */
export interface UpgradePreparers extends UpgradeSourceReaders {
  renderer: TemplateRenderer;
}

/**
 * Reads, renders and merges, or answers with the cached plan of the same
 * everything (`options.plans`).
 */
export async function prepareUpgrade(
  preparers: UpgradePreparers,
  options: PrepareOptions,
): Promise<Prepared> {
  const sources = await readUpgradeSources(preparers, options);
  const { credentials } = options;
  const { entityRef, pathRef, path, toVersion, record, template } = sources;
  const { templateRef, templateUrl, target, base, recopyReason } = sources;
  const templateName = template.metadata.name;

  // Only now, after the caller's own catalog reads: a plan made from the
  // same everything is reused rather than rendered and merged again.
  const cacheKey = planCacheKey(credentials, {
    entityRef,
    repository: repositoryVersion(sources.repository),
    record: sources.recordText.toString('base64'),
    fromVersion: sources.fromVersion,
    path: [pathRef, toVersion, path.metadata.title, path.spec.guarantees],
    template: [
      record.template.entityRef,
      templateUrl,
      templateName,
      (template.spec as any)?.parameters,
    ],
    revisions: [target.contentHash, base?.contentHash, recopyReason],
  });
  const cachedPlan = options.plans?.get(cacheKey);
  if (cachedPlan) {
    return { plan: cachedPlan, cached: true };
  }

  const targetValues: JsonObject = {
    ...parameterDefaults((template.spec as any)?.parameters),
    ...recordableValues((template.spec as any)?.parameters, record.values),
  };
  const targetPath: ScaffoldPathContext = {
    entityRef: pathRef,
    version: toVersion,
    title: path.metadata.title,
    guarantees: [...(path.spec.guarantees ?? [])],
  };
  const render = (
    revision: TemplateRevision,
    values: JsonObject,
    pathContext: ScaffoldPathContext,
  ) =>
    preparers.renderer
      .render({
        revision,
        values,
        path: pathContext,
        templateRef,
        context: record.context,
        credentials,
        signal: options.signal,
      })
      .then(files => files.filter(f => f.path !== SCAFFOLD_RECORD_PATH));
  const [targetFiles, baseFiles] = await Promise.all([
    render(target, targetValues, targetPath),
    base ? render(base, record.values, record.path) : undefined,
  ]);
  const renderMs = Date.now() - sources.renderStart;
  const notes =
    base && baseFiles
      ? baseExactness(record, base.contentHash, manifestOf(baseFiles))
      : [];

  const mergeStart = Date.now();
  const { merge, files } = await mergeWithRepository({
    repository: sources.repository,
    record,
    baseFiles,
    targetFiles,
    templateName,
    toVersion,
  });
  const mergeMs = Date.now() - mergeStart;

  const plan = upgradePlanDocument({
    entityRef,
    path: { entityRef: pathRef, title: path.metadata.title },
    fromVersion: sources.fromVersion,
    toVersion,
    recopyReason,
    notes,
    files,
    repository: sources.repository,
    releaseNotes: target.releaseNotes,
    timings: { renderMs, mergeMs },
  });
  const nextRecord = recordAfterUpgrade(sources, targetPath, targetValues, {
    files: manifestOf(targetFiles),
  });
  return {
    plan,
    merge,
    repository: sources.repository,
    record: nextRecord,
    cacheKey,
  };
}

/** The scaffold record the upgrade commits: the new version's. */
function recordAfterUpgrade(
  sources: UpgradeSources,
  path: ScaffoldPathContext,
  values: JsonObject,
  rendered: Pick<ScaffoldRecord, 'files'>,
): ScaffoldRecord {
  return {
    ...sources.record,
    template: {
      entityRef: sources.templateRef,
      source: sources.templateUrl,
      revision: {
        location: sources.target.location,
        contentHash: sources.target.contentHash,
      },
    },
    path,
    values,
    files: rendered.files,
  };
}

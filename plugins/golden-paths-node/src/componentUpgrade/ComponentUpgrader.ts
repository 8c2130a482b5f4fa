import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { JsonObject } from '@backstage/types';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_GOLDEN_PATH_VERSION,
  isGoldenPathEntity,
  type PathUpgradePlans,
  type UpgradePlan,
  type UpgradeResult,
} from '@golden-paths/golden-paths-common';
import { TemplateRenderer } from '../render/TemplateRenderer';
import {
  readTemplateRevision,
  type TemplateRevision,
} from '../render/templateRevision';
import { templateFileUrl } from '../render/templateFileUrl';
import {
  TemplateTreeReader,
  type TemplateTreeReaderOptions,
} from '../render/templateTree';
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
import { parseScaffoldRecord } from '../scaffold/scaffoldRecordYaml';
import {
  openComponentRepository,
  readRepositoryFile,
  repositoryVersion,
} from './componentRepository';
import { baseExactness } from './baseExactness';
import {
  type FollowerUpgradeCandidate,
  planFollowerUpgrades,
} from './planFollowerUpgrades';
import { deliverUpgrade } from './deliverUpgrade';
import type { Prepared, PrepareOptions } from './preparedUpgrade';
import { checkUpgradeVersions } from './upgradeVersions';
import { mergeWithRepository } from './mergeWithRepository';
import { cached, newReadCache } from './readCache';
import { upgradePlanDocument } from './upgradePlanDocument';
import { trustedTemplateRef } from './trustedTemplate';
import { PlanCache, planCacheKey } from './planCache';
import { PlanSlots } from './planSlots';
import { DEFAULT_UPGRADE_LIMITS, type UpgradeLimits } from './upgradeLimits';

/**
 * The services an upgrade reads and renders with.
 *
 * @public
 */
export interface ComponentUpgraderOptions
  extends Pick<
    TemplateTreeReaderOptions,
    'templateDirectories' | 'templateLimits'
  > {
  /** Reads the component, its path and its template with the caller's credentials. */
  catalog: CatalogService;
  /** Reads template revisions and the component's repository. */
  urlReader: UrlReaderService;
  /** The Git hosts, for repository URLs and pull requests. */
  integrations: ScmIntegrationRegistry;
  /** Finds the scaffolder backend that renders each version. */
  discovery: DiscoveryService;
  /** Tokens for the scaffolder's dry run, on behalf of the caller. */
  auth: AuthService;
  /** Absolute directories whose git repositories upgrades may write branches in. */
  localDirectories: string[];
  /**
   * What plans may cost (`readUpgradeLimits(config)`); defaults to
   * {@link DEFAULT_UPGRADE_LIMITS}.
   */
  limits?: UpgradeLimits;
}

/**
 * Plans and runs the upgrade of a component scaffolded from a golden path
 * to the path's current version: it renders the version the repository was
 * made at (the base) and the new one with the values kept in
 * `.golden-paths/scaffold.yaml`, through the scaffolder's engine and with
 * the caller's credentials, and merges them three ways with the repository
 * using git's own merge machinery.
 *
 * @public
 */
export class ComponentUpgrader {
  readonly #options: ComponentUpgraderOptions;
  readonly #reader: TemplateTreeReader;
  readonly #renderer: TemplateRenderer;
  readonly #limits: UpgradeLimits;
  readonly #slots: PlanSlots;
  readonly #plans: PlanCache;

  constructor(options: ComponentUpgraderOptions) {
    this.#options = options;
    this.#reader = new TemplateTreeReader(options);
    this.#renderer = new TemplateRenderer(options);
    this.#limits = options.limits ?? DEFAULT_UPGRADE_LIMITS;
    this.#slots = new PlanSlots(this.#limits);
    this.#plans = new PlanCache(this.#limits.planCache);
  }

  /**
   * A dry plan: nothing is written anywhere. The same plan asked again
   * within `goldenPaths.upgrades.planCache.ttlSeconds` is reused.
   */
  async plan(options: {
    entityRef: string;
    credentials: BackstageCredentials;
  }): Promise<UpgradePlan> {
    return this.#dryPlan(
      await this.#prepareInSlot({ ...options, plans: this.#plans }),
    );
  }

  /** The plan of a dry run: its merge freed, kept for the next ask. */
  async #dryPlan(prepared: Prepared): Promise<UpgradePlan> {
    if ('cached' in prepared) {
      return prepared.plan;
    }
    await prepared.merge.dispose();
    this.#plans.set(prepared.cacheKey, prepared.plan);
    return prepared.plan;
  }

  /** Prepares in one of the bounded slots, under the plan's deadline. */
  #prepareInSlot(options: PrepareOptions): Promise<Prepared> {
    return this.#slots.run(signal => {
      const work = this.#prepare({ ...options, signal });
      // Finished after its deadline, a plan is nobody's: free its merge.
      work.then(
        prepared => {
          if (signal.aborted && 'merge' in prepared) {
            void prepared.merge.dispose();
          }
        },
        () => {},
      );
      return work;
    });
  }

  /**
   * Plans, then delivers: a branch in the local repository (the embedded
   * default), or a pull request on GitHub.
   */
  async run(options: {
    entityRef: string;
    credentials: BackstageCredentials;
  }): Promise<UpgradeResult> {
    const prepared = await this.#prepareInSlot(options);
    if ('cached' in prepared) {
      throw new Error('A run is never prepared from a cached plan');
    }
    try {
      return await deliverUpgrade({
        integrations: this.#options.integrations,
        ...prepared,
      });
    } finally {
      await prepared.merge.dispose();
    }
  }

  /**
   * Plans (dry) the upgrade of every follower of a path that is behind it,
   * oldest version first, at most `limit` of them (and never more than
   * `goldenPaths.upgrades.maxFollowersPerRequest`), two at a time. With
   * `candidates` (the followers behind as the caller may see them, from
   * stored results) no follower is read but those planned.
   */
  async planFollowers(options: {
    pathRef: string;
    credentials: BackstageCredentials;
    limit?: number;
    candidates?: FollowerUpgradeCandidate[];
  }): Promise<PathUpgradePlans> {
    const cache = newReadCache();
    const most = this.#limits.maxFollowersPerRequest;
    return planFollowerUpgrades({
      ...options,
      limit: Math.min(options.limit ?? most, most),
      catalog: this.#options.catalog,
      plan: async entity =>
        this.#dryPlan(
          await this.#prepareInSlot({
            entity,
            credentials: options.credentials,
            cache,
            plans: this.#plans,
          }),
        ),
    });
  }

  /**
   * Reads, renders and merges. The component comes as a ref, or already
   * read (with at least its annotations) by a bulk planning, which shares
   * its reads of paths, templates and revisions through `cache`.
   */
  async #prepare(options: PrepareOptions): Promise<Prepared> {
    const { credentials } = options;
    const cache = options.cache ?? newReadCache();
    const readEntity = (ref: string) =>
      cached(cache.entities, ref, () =>
        this.#options.catalog.getEntityByRef(ref, { credentials }),
      );
    const entityRef =
      'entity' in options
        ? stringifyEntityRef(options.entity)
        : stringifyEntityRef(parseEntityRef(options.entityRef));
    const entity =
      'entity' in options
        ? options.entity
        : await this.#options.catalog.getEntityByRef(entityRef, {
            credentials,
          });
    if (!entity) {
      throw new NotFoundError(`${entityRef} not found`);
    }
    const annotations = entity.metadata.annotations ?? {};
    const followed = annotations[ANNOTATION_GOLDEN_PATH];
    if (!followed) {
      throw new NotFoundError(`${entityRef} follows no golden path`);
    }
    const pathRef = stringifyEntityRef(
      parseEntityRef(followed, { defaultKind: 'goldenpath' }),
    );
    const path = await readEntity(pathRef);
    if (!path || !isGoldenPathEntity(path)) {
      throw new NotFoundError(`Golden path ${pathRef} not found`);
    }
    const toVersion = path.spec.version;

    const repository = await openComponentRepository(entity, {
      urlReader: this.#options.urlReader,
      localDirectories: this.#options.localDirectories,
      limits: this.#limits.repositories,
      signal: options.signal,
    });
    const recordText = await readRepositoryFile(
      repository,
      SCAFFOLD_RECORD_PATH,
    );
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
    const templateName = template.metadata.name;
    const revisionOf = (version: string) =>
      cached(cache.revisions, `${templateUrl} ${version}`, () =>
        readTemplateRevision(this.#reader, {
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

    // Only now, after the caller's own catalog reads: a plan made from the
    // same everything is reused rather than rendered and merged again.
    const cacheKey = planCacheKey(credentials, {
      entityRef,
      repository: repositoryVersion(repository),
      record: recordText.toString('base64'),
      fromVersion,
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
      this.#renderer
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
    const renderMs = Date.now() - renderStart;
    const notes =
      base && baseFiles
        ? baseExactness(record, base.contentHash, manifestOf(baseFiles))
        : [];

    const mergeStart = Date.now();
    const { merge, files } = await mergeWithRepository({
      repository,
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
      fromVersion,
      toVersion,
      recopyReason,
      notes,
      files,
      repository,
      releaseNotes: target.releaseNotes,
      timings: { renderMs, mergeMs },
    });

    const nextRecord: ScaffoldRecord = {
      ...record,
      template: {
        entityRef: templateRef,
        source: templateUrl,
        revision: {
          location: target.location,
          contentHash: target.contentHash,
        },
      },
      path: targetPath,
      values: targetValues,
      files: manifestOf(targetFiles),
    };
    return { plan, merge, repository, record: nextRecord, cacheKey };
  }
}

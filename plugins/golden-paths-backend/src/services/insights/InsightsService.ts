import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  type EntityResult,
  type FollowerResult,
  goldenPathsInsightsReadPermission,
  type HistoryPoint,
  type HistoryResponse,
  type ListPathsRequest,
  type Page,
  type PathDetails,
  type PathSummary,
} from '@golden-paths/golden-paths-common';
import type { FollowerUpgradeCandidate } from '@golden-paths/golden-paths-node';
import type { EvaluationStore } from '../../database/EvaluationStore';
import type { CatalogVisibility, Visibility } from './CatalogVisibility';
import { encodeCursor, decodeCursor, pageOf } from './cursor';
import { RunScopedCache } from './RunScopedCache';
import { toFollowerResult } from './toFollowerResult';
import { visibleSummaries } from './visibleSummaries';

const HISTORY_DAYS = 90;
/** Distinct (caller's conditions, question) answers kept per run. */
const MAX_CACHED_ANSWERS = 1000;

/** Who is asking: their visibility, and the run they are served. */
interface Caller {
  visibility: Visibility;
  runId: number | undefined;
}

/**
 * Serves the stored results of the last complete evaluation, limited to what
 * the caller may read in the catalog: a restricted caller gets figures
 * counted over the followers they can see, never the totals.
 */
export class InsightsService {
  readonly #store: EvaluationStore;
  readonly #permissions: PermissionsService;
  readonly #visibility: CatalogVisibility;
  readonly #now: () => Date;
  readonly #summaries = new RunScopedCache<PathDetails[]>({
    maxEntries: MAX_CACHED_ANSWERS,
  });
  readonly #histories = new RunScopedCache<HistoryPoint[]>({
    maxEntries: MAX_CACHED_ANSWERS,
  });

  constructor(options: {
    store: EvaluationStore;
    permissions: PermissionsService;
    visibility: CatalogVisibility;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#permissions = options.permissions;
    this.#visibility = options.visibility;
    this.#now = options.now ?? (() => new Date());
  }

  async listPaths(
    request: ListPathsRequest & { limit: number },
    options: { credentials: BackstageCredentials },
  ): Promise<Page<PathSummary>> {
    const caller = await this.#caller(options.credentials);
    const summaries = await this.#visibleSummaries(caller);
    const matching = summaries.filter(summary => matches(summary, request));
    const page = pageOf(matching, s => s.ref, request);
    return {
      items: page.items.map(({ versions: _versions, ...summary }) => summary),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  async getPath(
    pathRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<PathDetails> {
    return this.#visiblePath(pathRef, await this.#caller(options.credentials));
  }

  async listFollowers(
    pathRef: string,
    request: { limit: number; cursor?: string },
    options: { credentials: BackstageCredentials },
  ): Promise<Page<FollowerResult>> {
    const caller = await this.#caller(options.credentials);
    await this.#visiblePath(pathRef, caller);
    const { visibility } = caller;
    let restriction = {};
    if (!visibility.all) {
      restriction =
        'filter' in visibility
          ? { visibleTo: visibility.filter }
          : { entityRefs: [...visibility.refs.followers] };
    }
    const rows = await this.#store.listFollowers(pathRef, {
      limit: request.limit + 1,
      afterEntityRef: decodeCursor(request.cursor),
      ...restriction,
    });
    const items = rows.slice(0, request.limit);
    return {
      items: items.map(toFollowerResult),
      ...(rows.length > request.limit
        ? { nextCursor: encodeCursor(items[items.length - 1].entityRef) }
        : {}),
    };
  }

  async getHistory(
    pathRef: string,
    request: { from?: string; to?: string },
    options: { credentials: BackstageCredentials },
  ): Promise<HistoryResponse> {
    const caller = await this.#caller(options.credentials);
    await this.#visiblePath(pathRef, caller);
    const today = this.#now().toISOString().slice(0, 10);
    const to = request.to ?? today;
    const from = request.from ?? daysBefore(to, HISTORY_DAYS);
    const { visibility, runId } = caller;
    if (visibility.all) {
      return { items: await this.#store.getHistory(pathRef, from, to) };
    }
    // Counted from each follower's intervals over the followers this
    // caller may read, by the facts stored of them (or the refs the
    // catalog returned), departed followers by their last known facts.
    const visibleTo =
      'filter' in visibility ? visibility.filter : visibility.refs.followers;
    const compute = () =>
      this.#store.getVisibleHistory(pathRef, from, to, visibleTo);
    return {
      restricted: true,
      items:
        runId === undefined
          ? await compute()
          : await this.#histories.get(
              runId,
              JSON.stringify([visibility.key, pathRef, from, to]),
              compute,
            ),
    };
  }

  /**
   * The followers of a path that the caller may read, with the version each
   * followed at the last evaluation: the candidates of its upgrade plans
   * (the planner compares them with the path's version now). Undefined
   * before any evaluation. Asks no golden-paths permission: the upgrade
   * routes decide that.
   */
  async followerVersions(
    pathRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<FollowerUpgradeCandidate[] | undefined> {
    const runId = this.#currentRunId();
    if ((await runId()) === undefined) {
      return undefined;
    }
    const visibility = await this.#visibility.of(options.credentials, runId);
    if (visibility.all || 'filter' in visibility) {
      return this.#store.listFollowerVersions(
        pathRef,
        visibility.all ? undefined : visibility.filter,
      );
    }
    return (await this.#store.listFollowerVersions(pathRef)).filter(follower =>
      visibility.refs.followers.has(follower.entityRef),
    );
  }

  async getEntityResult(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityResult> {
    // One answer for every case, so that it tells nothing of a path (or an
    // entity) the caller may not read: not even that it exists.
    const notFound = new NotFoundError(
      `No golden-path results for ${entityRef}: it follows no golden path, has not been evaluated yet, or you may not read it or its path`,
    );
    const row = await this.#store.getComponentResult(entityRef);
    if (!row) {
      throw notFound;
    }
    // The path's title, version, lifecycle and replacement, the drift
    // against its version and the checks of its guarantees are all the
    // path's: shown only to who may read both in the catalog.
    const readable = await this.#visibility.canRead(options.credentials, [
      entityRef,
      row.pathRef,
    ]);
    const path =
      readable.every(Boolean) &&
      (await this.#store.getPathSummary(row.pathRef));
    if (!path) {
      throw notFound;
    }
    return {
      ...toFollowerResult(row),
      path: {
        ref: path.ref,
        title: path.title,
        version: path.version,
        lifecycle: path.lifecycle,
        ...(path.replacedBy ? { replacedBy: path.replacedBy } : {}),
      },
    };
  }

  async #caller(credentials: BackstageCredentials): Promise<Caller> {
    await this.#authorizeInsights(credentials);
    const runId = this.#currentRunId();
    const visibility = await this.#visibility.of(credentials, runId);
    // Who may read everything is served the stored results as they are:
    // no cache, so no run id to look up.
    return { visibility, runId: visibility.all ? undefined : await runId() };
  }

  /** The current run's id, looked up once, when first asked. */
  #currentRunId(): () => Promise<number | undefined> {
    let id: Promise<number | undefined> | undefined;
    return () => {
      id ??= this.#store.getCurrentRun().then(run => run?.id);
      return id;
    };
  }

  async #authorizeInsights(credentials: BackstageCredentials): Promise<void> {
    const [decision] = await this.#permissions.authorize(
      [{ permission: goldenPathsInsightsReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You may not read golden-path insights (golden-paths.insights.read)',
      );
    }
  }

  async #visiblePath(pathRef: string, caller: Caller): Promise<PathDetails> {
    const path = caller.visibility.all
      ? await this.#store.getPathSummary(pathRef)
      : (await this.#visibleSummaries(caller)).find(s => s.ref === pathRef);
    if (!path) {
      throw new NotFoundError(
        `No golden path ${pathRef}, or it has not been evaluated yet`,
      );
    }
    return path;
  }

  /** Summaries the caller may see, counted over the followers they may see. */
  async #visibleSummaries({
    visibility,
    runId,
  }: Caller): Promise<PathDetails[]> {
    if (visibility.all) {
      return this.#store.listPathSummaries();
    }
    const compute = () => visibleSummaries(this.#store, visibility);
    return runId === undefined
      ? compute()
      : this.#summaries.get(runId, visibility.key, compute);
  }
}

function matches(summary: PathSummary, request: ListPathsRequest): boolean {
  const anyOf = (values: string[] | undefined, value: string) =>
    !values?.length ||
    values.some(
      v => v.toLocaleLowerCase('en-US') === value.toLocaleLowerCase('en-US'),
    );
  return (
    anyOf(request.category, summary.category) &&
    anyOf(request.lifecycle, summary.lifecycle) &&
    anyOf(request.owner, summary.owner) &&
    (request.guarantee ?? []).every(g => summary.guarantees.includes(g))
  );
}

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

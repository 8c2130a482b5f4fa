import type { Entity } from '@backstage/catalog-model';
import type {
  CheckStatus,
  GoldenPathEntityV1alpha1,
} from '@golden-paths/golden-paths-common';

/**
 * A file of a component's repository, as read for the checks.
 *
 * @public
 */
export interface RepositoryFile {
  /** Path relative to the repository root, with `/` separators. */
  path: string;
  /** UTF-8 text of the file. */
  content: string;
}

/**
 * The files of a component's repository that the checks asked for.
 *
 * @remarks
 *
 * `status` is `read` when the repository was read (then `files` holds every
 * file that matched one of the checks' `repositoryFiles` patterns, within the
 * configured size limits), `unavailable` when it could not be read (`reason`
 * says why, and checks that need files answer `unknown`), and `none` when the
 * entity names no repository.
 *
 * @public
 */
export interface RepositorySnapshot {
  /** Whether the repository was read; see the remarks. */
  status: 'read' | 'unavailable' | 'none';
  /** The URL the files were read from. */
  location?: string;
  /**
   * Why the repository was not read, as the URL reader put it ("repository
   * not found"); checks prefix it with the location.
   */
  reason?: string;
  /** The files the checks asked for; empty unless `status` is `read`. */
  files: RepositoryFile[];
  /** True when files were left out because of the size or count limits. */
  truncated?: boolean;
}

/**
 * What a check gets to decide on one component.
 *
 * @public
 */
export interface GoldenPathCheckContext {
  /**
   * The component, projected to the fields the evaluation reads: kind,
   * metadata (name, namespace, title, annotations, labels, links, tags) and
   * spec (owner, type, lifecycle, system).
   */
  entity: Entity;
  /** The golden path the component follows. */
  path: GoldenPathEntityV1alpha1;
  /** The component's repository files that the checks asked for. */
  repository: RepositorySnapshot;
  /**
   * Whether an entity exists in the catalog, for Groups and Users (refs in
   * full form, lower case: `group:default/payments-team`).
   */
  catalogHas(entityRef: string): boolean;
}

/**
 * The verdict of a check on one component.
 *
 * @public
 */
export interface GoldenPathCheckVerdict {
  /** `unknown` when the check cannot decide, e.g. without the repository. */
  status: CheckStatus;
  /** One sentence a developer understands, naming the file or field. */
  reason: string;
  /** How to make the check pass. */
  fix?: string;
}

/**
 * A check evaluated on every component that follows a golden path.
 *
 * @public
 */
export interface GoldenPathCheck {
  /** Stable id; the built-in checks use the guarantee ids. */
  id: string;
  /** A short title, shown with each result. */
  title: string;
  /** One sentence on what a follower must have to pass. */
  description: string;
  /**
   * Glob patterns (relative to the repository root, `**` crosses directories)
   * of the repository files the check reads. The evaluation reads the union
   * of all checks' patterns once per repository.
   */
  repositoryFiles?: string[];
  /**
   * Whether the check applies to the followers of a path. Built-in checks
   * apply when the path lists their id in `spec.guarantees`; checks added
   * through the extension point apply to every path unless they say
   * otherwise.
   */
  appliesTo?(path: GoldenPathEntityV1alpha1): boolean;
  /**
   * Decides on one component. A thrown error (or a rejected promise) counts
   * as `unknown` with the error's message; it never stops the evaluation of
   * other components.
   *
   * @remarks
   *
   * A check that does no I/O should return its verdict directly: the
   * evaluation awaits only the checks that return a promise, one component
   * at a time, so a synchronous check costs no promise per component.
   * Verdicts equal in status, reason and fix are shared among components and
   * serialized once, so a reason should say what a component lacks rather
   * than carry a value of its own (a timestamp, say) that makes every
   * verdict different.
   */
  evaluate(
    context: GoldenPathCheckContext,
  ): GoldenPathCheckVerdict | Promise<GoldenPathCheckVerdict>;
}

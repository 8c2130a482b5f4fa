import type { JsonObject } from '@backstage/types';

/**
 * Where every golden-path template writes how the repository was made.
 *
 * @public
 */
export const SCAFFOLD_RECORD_PATH = '.golden-paths/scaffold.yaml';

/**
 * The version of the path a repository was rendered for, as the template
 * saw it: an upgrade renders the old version again with exactly this.
 *
 * @public
 */
export interface ScaffoldPathContext {
  /** The path's entity ref. */
  entityRef: string;
  /** The path's `spec.version` the render was for. */
  version: string;
  /** The path's `metadata.title`. */
  title?: string;
  /** The path's `spec.guarantees`. */
  guarantees: string[];
}

/**
 * What makes a render reproducible: the seed every "random" value of the
 * template is derived from, and the time the repository was scaffolded.
 *
 * @public
 */
export interface ScaffoldContext {
  /** 32 hex digits, drawn once when the repository is scaffolded. */
  seed: string;
  /** ISO 8601 time the repository was scaffolded. */
  scaffoldedAt: string;
}

/**
 * One rendered file and the SHA-256 of its content.
 *
 * @public
 */
export interface ScaffoldManifestEntry {
  /** The path relative to the repository's root, with `/` separators. */
  path: string;
  /** The hex SHA-256 of the file's content. */
  sha256: string;
  /** Whether the file has its executable bit set. */
  executable?: boolean;
}

/**
 * `.golden-paths/scaffold.yaml`: how a repository was made, so that an
 * upgrade can render the same version again (the merge base) and the new
 * one with the same values. Never holds a secret.
 *
 * @public
 */
export interface ScaffoldRecord {
  /** The record's format; 1 is the only one. */
  schemaVersion: 1;
  /** The template and the revision the repository was rendered from. */
  template: {
    /** The registered template, e.g. `template:default/node-http-service`. */
    entityRef: string;
    /** The URL of the registered template's file when it was rendered. */
    source: string;
    /** The fixed revision of the template for `path.version`. */
    revision: {
      /** Where the revision's files were read from. */
      location: string;
      /** `sha256:` over the revision's files, in path order. */
      contentHash: string;
    };
  };
  /** The path version the repository was rendered for. */
  path: ScaffoldPathContext;
  /** The form's values, without secrets. */
  values: JsonObject;
  /** The seed and time every render of the repository shares. */
  context: ScaffoldContext;
  /** Every rendered file with its hash (this record excepted). */
  files: ScaffoldManifestEntry[];
}

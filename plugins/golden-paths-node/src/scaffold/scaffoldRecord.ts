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
  entityRef: string;
  version: string;
  title?: string;
  guarantees: string[];
}

/**
 * What makes a render reproducible: the seed every "random" value of the
 * template is derived from, and the time the repository was scaffolded.
 *
 * @public
 */
export interface ScaffoldContext {
  seed: string;
  scaffoldedAt: string;
}

/**
 * One rendered file and the SHA-256 of its content.
 *
 * @public
 */
export interface ScaffoldManifestEntry {
  path: string;
  sha256: string;
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
  schemaVersion: 1;
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
  path: ScaffoldPathContext;
  /** The form's values, without secrets. */
  values: JsonObject;
  context: ScaffoldContext;
  /** Every rendered file with its hash (this record excepted). */
  files: ScaffoldManifestEntry[];
}

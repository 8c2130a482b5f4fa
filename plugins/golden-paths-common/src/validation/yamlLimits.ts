/**
 * Limits that keep hostile YAML from exhausting the process. Every place
 * that parses text it did not write (catalog files, repositories'
 * manifests and CI files, scaffold records, template revisions, the
 * editor) reads it through {@link parseYamlDocuments} with these.
 *
 * @public
 */
export interface YamlLimits {
  /** Largest accepted text, in bytes (UTF-8). Default 1 MiB. */
  maxBytes?: number;
  /**
   * Deepest nesting of maps and lists, of every kind (block, flow, `- `,
   * `? ` and `: ` on one line, and through aliases). Default 100.
   */
  maxDepth?: number;
  /**
   * Most keys and values read from one file, counting each alias
   * expansion again. Default 100,000 (a 1 MiB manifest file holds about
   * 40,000).
   */
  maxNodes?: number;
  /** Most alias expansions per document (billion-laughs guard). Default 100. */
  maxAliasCount?: number;
  /**
   * Time allowed for reading one file, in milliseconds, checked while
   * the values are built. Default 1000.
   */
  maxMillis?: number;
  /**
   * Whether `<<` merge keys are applied (CI files use them). Default
   * false, as in the catalog.
   */
  merge?: boolean;
}

/**
 * The limits used when the caller names none.
 *
 * @public
 */
export const DEFAULT_YAML_LIMITS: Required<YamlLimits> = {
  maxBytes: 1024 * 1024,
  maxDepth: 100,
  maxNodes: 100_000,
  maxAliasCount: 100,
  maxMillis: 1000,
  merge: false,
};

/**
 * A path into a parsed document: object keys and array indexes.
 *
 * @public
 */
export type DocumentPath = ReadonlyArray<string | number>;

/**
 * One problem found in an entity, independent of where it was written.
 *
 * @public
 */
export interface EntityProblem {
  /** Path to the node the problem is about. */
  path: DocumentPath;
  /** The same path written as a field, e.g. `spec.guarantees[2]`. */
  field: string;
  /** What is wrong, in one sentence. */
  message: string;
  /**
   * Whether the problem is about the key at `path` rather than its value
   * (an unknown field, for example).
   */
  atKey?: boolean;
}

/**
 * A problem found in a YAML file, with the position of the node it is about.
 * Lines and columns start at 1.
 *
 * @public
 */
export interface YamlProblem {
  /** What is wrong, in one sentence. */
  message: string;
  /** The field the problem is about, e.g. `spec.lifecycle`, when there is one. */
  field?: string;
  /** The line the node starts on. */
  line: number;
  /** The column of the node's first character. */
  column: number;
  /** The line the node ends on. */
  endLine: number;
  /** The column just past the node's last character. */
  endColumn: number;
  /** Zero-based index of the YAML document within the file. */
  documentIndex?: number;
  /** Errors make the file invalid; warnings do not. */
  severity: 'error' | 'warning';
}

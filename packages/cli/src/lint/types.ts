import type { YamlProblem } from '@golden-paths/golden-paths-common';

/** The problems of one file, or of one argument that named no file. */
export interface FileReport {
  /** `argument` when this reports a path or glob that matched no file. */
  kind: 'file' | 'argument';
  /** The path as shown to the user: relative to the working directory when inside it. */
  file: string;
  problems: YamlProblem[];
}

/** Everything `golden-paths lint` found, ready to be formatted. */
export interface LintReport {
  reports: FileReport[];
  /** How many files were read and linted. */
  filesChecked: number;
  /**
   * How many YAML files a directory walk or a glob found that hold no
   * catalog entity (Kubernetes manifests, Kustomize files, mkdocs.yml), and
   * so were left alone.
   */
  nonCatalogFiles?: number;
}

/** A Kubernetes object as the action writes it. */
export type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
};

/** A comment attached to the key at `path` in the written YAML. */
export type YamlComment = { path: (string | number)[]; text: string };

/** One object to write, with its file name and the comments explaining it. */
export type ManifestFile = {
  fileName: string;
  object: KubernetesObject;
  comments: YamlComment[];
};

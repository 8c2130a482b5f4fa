export type { DocumentPath, EntityProblem, YamlProblem } from './types';
export { formatFieldPath } from './fieldPath';
export * from './parseYamlDocuments';
export * from './kindValidators';
export * from './lintCatalogYaml';
export * from './catalogValidators';
export * from './yamlLimits';
export * from './parseSingleYamlDocument';

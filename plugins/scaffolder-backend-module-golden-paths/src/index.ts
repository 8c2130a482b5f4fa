/**
 * Scaffolder actions for golden-path templates: path check, catalog entry,
 * supply-chain CI, Kubernetes manifests, template rendering, upgrades and
 * local publishing. (The URL reader of local repositories is in
 * `@golden-paths/golden-paths-node`; it is re-exported here, deprecated.)
 *
 * @packageDocumentation
 */

export { scaffolderModuleGoldenPaths as default } from './module';
export { createCatalogWriteAction } from './actions/catalogWrite';
export { createPathCheckAction } from './actions/pathCheck';
export { createPublishLocalAction } from './actions/publishLocal';
export { createSupplyChainCiAction } from './actions/supplyChainCi';
export { createKubernetesManifestsAction } from './actions/kubernetesManifests';
export {
  createTemplateRenderAction,
  type TemplateRenderActionOptions,
} from './actions/templateRender';
export { createUpgradeAction } from './actions/upgrade';
export {
  goldenPathsLocalUrlReaderServiceFactory,
  localRepositoryUrlReaderFactory,
} from './deprecated';

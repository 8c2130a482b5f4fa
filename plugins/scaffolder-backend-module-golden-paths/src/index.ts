/**
 * Scaffolder actions for golden-path templates: path check, catalog entry,
 * supply-chain CI, Kubernetes manifests and local publishing, plus the URL
 * reader that lets the catalog read locally published repositories.
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
} from './urlReader/localRepositoryUrlReaderFactory';

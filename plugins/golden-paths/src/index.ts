/**
 * The Golden Paths frontend plugin: the Golden Paths page, each path's page,
 * the entity card, the YAML editor and the scaffolder's cost preview.
 *
 * @packageDocumentation
 */

export {
  goldenPathsPlugin,
  GoldenPathsPage,
  EntityGoldenPathCard,
  EntityGoldenPathContent,
  GoldenPathCostPreviewFieldExtension,
} from './plugin';
export type { EntityGoldenPathCardProps } from './components/EntityGoldenPathCard';
export type { GoldenPathCostPreviewUiOptions } from './components/GoldenPathCostPreview/readCostInputs';
export { goldenPathsApiRef } from './api';
export {
  rootRouteRef,
  pathRouteRef,
  editorRouteRef,
  templateRouteRef,
} from './routes';

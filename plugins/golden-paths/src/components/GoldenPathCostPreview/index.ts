export { GoldenPathCostPreview } from './GoldenPathCostPreview';
export { goldenPathCostPreviewField } from './goldenPathCostPreviewField';
export { goldenPathCostPreviewFormField } from './goldenPathCostPreviewFormField';
export type { GoldenPathCostPreviewUiOptions } from './readCostInputs';

import type { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import { GoldenPathCostPreview } from './GoldenPathCostPreview';
import type { GoldenPathCostPreviewUiOptions } from './readCostInputs';

/**
 * The cost preview as scaffolder field extension options, for
 * `createScaffolderFieldExtension` in the legacy frontend system. Use it in a
 * template as `ui:field: GoldenPathCostPreview` on a property of
 * `type: 'null'`, so it adds nothing to the task's parameters.
 *
 * There is no `validation`: the scaffolder runs validators only for fields
 * that hold a value, and this one never does. Problems are shown in the field.
 *
 * @public
 */
export const goldenPathCostPreviewField: FieldExtensionOptions<
  null | undefined,
  GoldenPathCostPreviewUiOptions
> = {
  name: 'GoldenPathCostPreview',
  component: GoldenPathCostPreview,
};

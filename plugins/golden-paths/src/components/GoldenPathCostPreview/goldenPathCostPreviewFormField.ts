import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { GoldenPathCostPreview } from './GoldenPathCostPreview';

/**
 * The cost preview as a form field of the new frontend system, for
 * `FormFieldBlueprint.make({ params: { field: async () => goldenPathCostPreviewFormField } })`.
 *
 * @alpha
 */
export const goldenPathCostPreviewFormField = createFormField({
  name: 'GoldenPathCostPreview',
  component: GoldenPathCostPreview,
});

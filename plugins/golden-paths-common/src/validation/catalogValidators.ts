import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import {
  CatalogKindValidator,
  catalogKindValidatorFromBackstage,
  coreKindValidators,
  goldenPathKindValidator,
} from './kindValidators';

/**
 * The kinds the CLI, the backend's `POST /validate` and the editor page know:
 * GoldenPath, the scaffolder's Template and the core kinds, each checked by
 * the validator the catalog itself uses.
 *
 * @public
 */
export const catalogValidators: ReadonlyArray<CatalogKindValidator> = [
  goldenPathKindValidator,
  ...coreKindValidators,
  catalogKindValidatorFromBackstage('Template', templateEntityV1beta3Validator),
];

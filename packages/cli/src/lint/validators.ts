import {
  CatalogKindValidator,
  catalogKindValidatorFromBackstage,
  coreKindValidators,
  goldenPathKindValidator,
} from '@golden-paths/golden-paths-common';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';

/**
 * The kinds `golden-paths lint` knows: GoldenPath, the scaffolder's Template
 * and the core kinds, each checked by the validator the catalog itself uses.
 */
export const catalogValidators: ReadonlyArray<CatalogKindValidator> = [
  goldenPathKindValidator,
  ...coreKindValidators,
  catalogKindValidatorFromBackstage('Template', templateEntityV1beta3Validator),
];

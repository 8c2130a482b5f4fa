import {
  Entity,
  KindValidator,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { GOLDEN_PATH_KIND } from '../constants';
import { validateGoldenPathEntity } from '../entity/validateGoldenPathEntity';
import { backstageErrorProblem } from './backstageErrorProblem';
import type { EntityProblem } from './types';

/**
 * Validates the entities of one kind.
 *
 * @public
 */
export interface CatalogKindValidator {
  /** The kind, as written in `kind` (compared case-insensitively). */
  kind: string;
  /** Every problem of the entity; an empty list when it is valid. */
  validate(entity: Entity): Promise<EntityProblem[]>;
}

/**
 * Adapts one of Backstage's own kind validators (such as
 * `componentEntityV1alpha1Validator`, or the scaffolder's
 * `templateEntityV1beta3Validator`). They report the first problem only.
 *
 * @public
 */
export function catalogKindValidatorFromBackstage(
  kind: string,
  validator: KindValidator,
): CatalogKindValidator {
  return {
    kind,
    async validate(entity) {
      try {
        if (await validator.check(entity)) {
          return [];
        }
        return [
          {
            path: ['apiVersion'],
            field: 'apiVersion',
            message: `"${entity.apiVersion}" is not a known apiVersion of kind ${kind}`,
          },
        ];
      } catch (error) {
        return [backstageErrorProblem(error)];
      }
    },
  };
}

/**
 * The validator of the GoldenPath kind.
 *
 * @public
 */
export const goldenPathKindValidator: CatalogKindValidator = {
  kind: GOLDEN_PATH_KIND,
  async validate(entity) {
    return validateGoldenPathEntity(entity);
  },
};

/**
 * Validators of the core kinds, from `@backstage/catalog-model`.
 *
 * @public
 */
export const coreKindValidators: ReadonlyArray<CatalogKindValidator> = [
  catalogKindValidatorFromBackstage('API', apiEntityV1alpha1Validator),
  catalogKindValidatorFromBackstage(
    'Component',
    componentEntityV1alpha1Validator,
  ),
  catalogKindValidatorFromBackstage('Domain', domainEntityV1alpha1Validator),
  catalogKindValidatorFromBackstage('Group', groupEntityV1alpha1Validator),
  catalogKindValidatorFromBackstage(
    'Location',
    locationEntityV1alpha1Validator,
  ),
  catalogKindValidatorFromBackstage(
    'Resource',
    resourceEntityV1alpha1Validator,
  ),
  catalogKindValidatorFromBackstage('System', systemEntityV1alpha1Validator),
  catalogKindValidatorFromBackstage('User', userEntityV1alpha1Validator),
];

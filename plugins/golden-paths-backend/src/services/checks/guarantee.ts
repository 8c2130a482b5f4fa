import {
  GOLDEN_PATH_GUARANTEES,
  type GoldenPathEntityV1alpha1,
  type GoldenPathGuaranteeId,
} from '@golden-paths/golden-paths-common';

/** What every built-in check shares: its guarantee's words and applicability. */
export interface GuaranteeCheckBase {
  id: GoldenPathGuaranteeId;
  title: string;
  description: string;
  appliesTo(path: GoldenPathEntityV1alpha1): boolean;
}

/**
 * The id, title and description of a guarantee, and an `appliesTo` that is
 * true for the paths that list the guarantee in `spec.guarantees`.
 */
export function guaranteeCheckBase(
  id: GoldenPathGuaranteeId,
): GuaranteeCheckBase {
  const guarantee = GOLDEN_PATH_GUARANTEES.find(g => g.id === id);
  if (!guarantee) {
    throw new Error(`"${id}" is not a golden-path guarantee`);
  }
  return {
    id,
    title: guarantee.title,
    description: guarantee.description,
    appliesTo: path => (path.spec?.guarantees ?? []).includes(id),
  };
}

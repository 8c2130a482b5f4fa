import { GoldenPathEntitiesProcessor as NodeGoldenPathEntitiesProcessor } from '@golden-paths/golden-paths-node';

/**
 * The processor of the `GoldenPath` kind, which this module adds to the
 * catalog.
 *
 * @public
 * @deprecated Import `GoldenPathEntitiesProcessor` from
 * `@golden-paths/golden-paths-node` instead.
 */
export const GoldenPathEntitiesProcessor = NodeGoldenPathEntitiesProcessor;

/**
 * The processor of the `GoldenPath` kind.
 *
 * @public
 * @deprecated Use `GoldenPathEntitiesProcessor` of
 * `@golden-paths/golden-paths-node` instead.
 */
// eslint-disable-next-line @typescript-eslint/no-redeclare -- the class's value and type, as one name
export type GoldenPathEntitiesProcessor = NodeGoldenPathEntitiesProcessor;

import { createHash, randomBytes } from 'node:crypto';
import type { ScaffoldContext } from './scaffoldRecord';

/**
 * A new repository's context: the only place a golden-path render may use
 * randomness or the clock.
 *
 * @public
 */
export function createScaffoldContext(now: Date = new Date()): ScaffoldContext {
  return {
    seed: randomBytes(16).toString('hex'),
    scaffoldedAt: now.toISOString(),
  };
}

/**
 * What templates get as `parameters.scaffold`: values derived from the
 * context only, so every render of one repository gets the same ones.
 *
 * @public
 */
export interface ScaffoldHelpers {
  /** The context's seed. */
  seed: string;
  /** The context's scaffold time, ISO 8601. */
  scaffoldedAt: string;
  /** `YYYY-MM-DD` of the scaffold time, in UTC. */
  date: string;
  /** The year of the scaffold time, in UTC. */
  year: number;
  /** Eight hex digits derived from the seed: suffixes, bucket names. */
  id: string;
  /** A UUID (version 4 layout) derived from the seed. */
  uuid: string;
}

/**
 * The helpers a template renders with, derived from the context.
 *
 * @public
 */
export function scaffoldHelpers(context: ScaffoldContext): ScaffoldHelpers {
  const digest = createHash('sha256').update(context.seed).digest('hex');
  const variant = ((parseInt(digest[16], 16) & 0x3) | 0x8).toString(16);
  return {
    seed: context.seed,
    scaffoldedAt: context.scaffoldedAt,
    date: context.scaffoldedAt.slice(0, 10),
    year: Number(context.scaffoldedAt.slice(0, 4)),
    id: digest.slice(0, 8),
    uuid: `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(
      13,
      16,
    )}-${variant}${digest.slice(17, 20)}-${digest.slice(20, 32)}`,
  };
}

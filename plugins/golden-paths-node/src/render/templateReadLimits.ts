import type { Config } from '@backstage/config';
import { readWholeNumbers } from '../lib/readWholeNumber';

/**
 * Bounds on reading one template revision (or a template file), from the
 * disk or through the URL readers.
 *
 * @public
 */
export interface TemplateReadLimits {
  /** Files (and, on the disk, folders) in one revision. */
  maxFilesPerRevision: number;
  /** Bytes of one file. */
  maxFileBytes: number;
  /** Bytes of all the files of one revision. */
  maxBytesPerRevision: number;
}

/**
 * Defaults of `goldenPaths.templates`: far above the example templates
 * (55 files, 0.5 MB at most), far below what would hurt the backend.
 *
 * @public
 */
export const DEFAULT_TEMPLATE_READ_LIMITS: TemplateReadLimits = {
  maxFilesPerRevision: 1000,
  maxFileBytes: 1024 * 1024,
  maxBytesPerRevision: 10 * 1024 * 1024,
};

/**
 * Where the limits are configured.
 *
 * @public
 */
export const TEMPLATE_READ_LIMITS_CONFIG_KEY = 'goldenPaths.templates';

/**
 * Reads `goldenPaths.templates.maxFilesPerRevision`, `maxFileBytes` and
 * `maxBytesPerRevision` over the defaults.
 *
 * @public
 */
export function readTemplateReadLimits(config: Config): TemplateReadLimits {
  return readWholeNumbers(
    config,
    TEMPLATE_READ_LIMITS_CONFIG_KEY,
    DEFAULT_TEMPLATE_READ_LIMITS,
  );
}

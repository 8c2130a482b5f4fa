import { createHash } from 'node:crypto';

/** The hash a repository names its objects with. */
export type ObjectFormat = 'sha1' | 'sha256';

/** Git's name for a blob with this content, computed without git. */
export function blobId(content: Buffer, format: ObjectFormat): string {
  return createHash(format)
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');
}

/** The all-zero object name (a removed index entry, a ref that must not exist). */
export function nullId(format: ObjectFormat): string {
  return '0'.repeat(format === 'sha256' ? 64 : 40);
}

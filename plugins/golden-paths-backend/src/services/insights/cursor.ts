import { InputError } from '@backstage/errors';

/** An opaque cursor for the item after which the next page starts. */
export function encodeCursor(afterRef: string): string {
  return Buffer.from(JSON.stringify({ after: afterRef }), 'utf8').toString(
    'base64url',
  );
}

/** The ref a cursor of {@link encodeCursor} points after. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    if (typeof parsed?.after === 'string') {
      return parsed.after;
    }
  } catch {
    // Reported below.
  }
  throw new InputError(`Invalid cursor "${cursor}"`);
}

/** Cuts one page out of items sorted by `key`, after the cursor's item. */
export function pageOf<T>(
  items: T[],
  key: (item: T) => string,
  options: { limit: number; cursor?: string },
): { items: T[]; nextCursor?: string } {
  const after = decodeCursor(options.cursor);
  const start = after === undefined ? items : items.filter(i => key(i) > after);
  const page = start.slice(0, options.limit);
  return start.length > options.limit
    ? { items: page, nextCursor: encodeCursor(key(page[page.length - 1])) }
    : { items: page };
}

/**
 * The `code` of a Node.js system error (`ENOENT`, `ELOOP`…), if it has one.
 *
 * @public
 */
export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

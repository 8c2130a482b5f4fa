import { ResponseError } from '@backstage/errors';

/**
 * An error as the Golden Paths client throws it for a backend's error answer:
 * a `ResponseError` with the status and, as its cause, the backend's error.
 */
export function backendError(
  status: number,
  statusText: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: `${statusText.replace(/ /g, '')}Error`, message },
        request: { method: 'GET', url: '/upgrade' },
        response: { statusCode: status },
      }),
  } as unknown as Response);
}

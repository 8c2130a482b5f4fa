/**
 * The HTTP status behind an error: a `ResponseError`'s, or the one a named
 * `@backstage/errors` error stands for; undefined for anything else.
 */
export function errorStatus(error: Error): number | undefined {
  const { statusCode, response } = error as {
    statusCode?: number;
    response?: { status?: number };
  };
  if (typeof statusCode === 'number') {
    return statusCode;
  }
  if (typeof response?.status === 'number') {
    return response.status;
  }
  switch (error.name) {
    case 'NotFoundError':
      return 404;
    case 'ConflictError':
      return 409;
    case 'NotAllowedError':
      return 403;
    case 'AuthenticationError':
      return 401;
    default:
      return undefined;
  }
}

/**
 * The words a person should read for an error. A `ResponseError`'s own
 * message is only "Request failed with 409 Conflict"; the backend's sentence
 * is in its cause.
 */
export function errorMessage(error: Error): string {
  const cause = (error as { cause?: { message?: unknown } }).cause;
  if (
    error.name === 'ResponseError' &&
    typeof cause?.message === 'string' &&
    cause.message.trim()
  ) {
    return cause.message;
  }
  return error.message;
}

/*
 * The few backend calls the browser tests, the frontend measurement and the
 * adopter test make directly: a guest token, an evaluation now, and reads
 * to wait on instead of sleeping.
 */
'use strict';

/**
 * A guest user token, as the sign-in page gets it.
 *
 * @param {string} backendUrl
 * @returns {Promise<string>}
 */
async function guestToken(backendUrl) {
  const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) {
    throw new Error(
      `guest sign-in refused: POST /api/auth/guest/refresh answered ${
        response.status
      } ${await response.text()}`,
    );
  }
  const body = await response.json();
  const token = body?.backstageIdentity?.token;
  if (typeof token !== 'string') {
    throw new Error('guest sign-in answered without backstageIdentity.token');
  }
  return token;
}

/**
 * A JSON request to the backend with the guest's token.
 *
 * @param {string} backendUrl
 * @param {string} token
 * @param {string} route e.g. /api/golden-paths/paths
 * @param {{ method?: string, body?: unknown, allow404?: boolean }} [options]
 * @returns {Promise<any>} the parsed body, or undefined for a 404 when allowed
 */
async function api(backendUrl, token, route, options = {}) {
  const response = await fetch(`${backendUrl}${route}`, {
    method: options.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(options.body !== undefined
        ? { 'Content-Type': 'application/json' }
        : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: AbortSignal.timeout(120_000),
  });
  if (response.status === 404 && options.allow404) {
    return undefined;
  }
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `${options.method ?? 'GET'} ${route} answered ${
        response.status
      }: ${text.slice(0, 300)}`,
    );
  }
  return text ? JSON.parse(text) : undefined;
}

/**
 * Runs a Golden Paths evaluation now (POST /api/golden-paths/refresh). One
 * already running (409) will do as well.
 *
 * @param {string} backendUrl
 * @param {string} token
 */
async function refreshEvaluation(backendUrl, token) {
  try {
    await api(backendUrl, token, '/api/golden-paths/refresh', {
      method: 'POST',
    });
  } catch (error) {
    if (!(error instanceof Error && / answered 409/.test(error.message))) {
      throw error;
    }
  }
}

/**
 * Polls until `read` returns something truthy, or throws with `what`.
 *
 * @template T
 * @param {string} what
 * @param {() => Promise<T | undefined | null | false>} read
 * @param {{ timeoutMs: number, intervalMs?: number }} options
 * @returns {Promise<T>}
 */
async function poll(what, read, { timeoutMs, intervalMs = 2000 }) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const value = await read();
      if (value) {
        return value;
      }
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: still not there after ${timeoutMs / 1000}s${
          last ? ` (last error: ${last})` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

module.exports = { api, guestToken, poll, refreshEvaluation };

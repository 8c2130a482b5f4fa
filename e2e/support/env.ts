/*
 * Where the portal under test is: read by the config (in the runner) and by
 * the fixtures (in the workers); ../globalSetup.ts sets what it learns when
 * it starts the portal.
 */
import path from 'node:path';

/** The guest's signed-in browser state, written by tests/sign-in.setup.ts. */
export const STORAGE_STATE = path.join(
  __dirname,
  '..',
  'test-results',
  '.auth',
  'guest.json',
);

/** The frontend: E2E_BASE_URL, or the portal globalSetup starts. */
export function appUrl(): string {
  if (process.env.E2E_BASE_URL) {
    return process.env.E2E_BASE_URL.replace(/\/$/, '');
  }
  return `http://localhost:${process.env.E2E_APP_PORT ?? 3000}`;
}

/**
 * The backend: E2E_BACKEND_URL, else :7007 beside a :3000 frontend, else
 * the frontend's origin (the backend serving the app, as in production).
 */
export function backendUrl(): string {
  if (process.env.E2E_BACKEND_URL) {
    return process.env.E2E_BACKEND_URL.replace(/\/$/, '');
  }
  if (!process.env.E2E_BASE_URL) {
    return `http://localhost:${process.env.E2E_BACKEND_PORT ?? 7007}`;
  }
  const url = new URL(appUrl());
  if (url.port === '3000') {
    url.port = '7007';
  }
  return url.origin;
}

/**
 * The catalog's copy of examples/golden-paths.yaml in the portal
 * globalSetup started (unset against E2E_BASE_URL): the upgrade test
 * releases a new path version in it.
 */
export function goldenPathsFile(): string | undefined {
  return process.env.E2E_GOLDEN_PATHS_FILE || undefined;
}

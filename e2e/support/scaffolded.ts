/*
 * Around a component the suite scaffolds: its repository on disk (the
 * portal publishes to .data/repositories), the backend's view of it, and
 * the path releases a platform engineer makes in the catalog file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { api, refreshEvaluation } from '../lib/backstage';
import { ROOT } from '../lib/portal';
import type { Portal } from './fixtures';

/**
 * The scaffolded repository's folder.
 *
 * @param name - the component's name
 */
export function repositoryOf(name: string): string {
  return path.join(ROOT, '.data', 'repositories', name);
}

/**
 * Runs git in the scaffolded repository as a developer.
 *
 * @param name - the component's name
 * @returns git's standard output
 */
export function gitIn(name: string): (...args: string[]) => string {
  return (...args) =>
    execFileSync('git', args, {
      cwd: repositoryOf(name),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'E2E Developer',
        GIT_AUTHOR_EMAIL: 'dev@example.com',
        GIT_COMMITTER_NAME: 'E2E Developer',
        GIT_COMMITTER_EMAIL: 'dev@example.com',
      },
    });
}

/**
 * Writes the catalog's golden paths file (node-http-service at `version`,
 * everything else as in examples/golden-paths.yaml) and waits until the
 * catalog serves that version.
 *
 * @param portal - the portal started by globalSetup (with its file)
 * @param version - e.g. 2.2.0; examples/golden-paths.yaml has 2.1.0
 */
export async function releaseNodeServicePath(
  portal: Portal & { goldenPathsFile: string },
  version: string,
): Promise<void> {
  const original = fs.readFileSync(
    path.join(ROOT, 'examples', 'golden-paths.yaml'),
    'utf8',
  );
  fs.writeFileSync(
    portal.goldenPathsFile,
    original.replace(/^ {2}version: 2\.1\.0$/m, `  version: ${version}`),
  );
  const { backendUrl, token } = portal;
  await expect(async () => {
    await api(backendUrl, token, '/api/catalog/refresh', {
      method: 'POST',
      body: { entityRef: 'goldenpath:default/node-http-service' },
    });
    const entity = await api(
      backendUrl,
      token,
      '/api/catalog/entities/by-name/goldenpath/default/node-http-service',
    );
    expect(entity.spec.version).toBe(version);
  }, `the node-http-service path at ${version} in the catalog`).toPass({
    timeout: 120_000,
    intervals: [3000],
  });
}

/**
 * The backend's evaluation of a component, once it has checks: asks for
 * evaluations until there is one.
 *
 * @param portal - the portal under test
 * @param name - the component's name
 */
export async function evaluationOf(portal: Portal, name: string): Promise<any> {
  const { backendUrl, token } = portal;
  await refreshEvaluation(backendUrl, token);
  let result: any;
  await expect(async () => {
    result = await api(
      backendUrl,
      token,
      `/api/golden-paths/entities/component/default/${name}`,
      { allow404: true },
    );
    if (!result) {
      await refreshEvaluation(backendUrl, token);
    }
    expect(result?.checks?.length, 'its checks').toBeGreaterThan(0);
  }, `the backend's evaluation of component:default/${name}`).toPass({
    timeout: 180_000,
    intervals: [5000],
  });
  return result;
}

/**
 * Waits until the backend reports the component's drift, asking for an
 * evaluation each time.
 *
 * @param portal - the portal under test
 * @param name - the component's name
 * @param status - e.g. minor-behind
 */
export async function expectDrift(
  portal: Portal,
  name: string,
  status: string,
): Promise<void> {
  const { backendUrl, token } = portal;
  await expect(async () => {
    await refreshEvaluation(backendUrl, token);
    const result = await api(
      backendUrl,
      token,
      `/api/golden-paths/entities/component/default/${name}`,
    );
    expect(result.drift.status).toBe(status);
  }, `the drift of component:default/${name}`).toPass({
    timeout: 120_000,
    intervals: [5000],
  });
}

/**
 * Waits for a scaffolder task to end; fails with its last log lines unless
 * it completed.
 *
 * @param portal - the portal under test
 * @param taskId - from the task page's URL
 */
export async function expectTaskCompleted(
  portal: Portal,
  taskId: string,
): Promise<void> {
  const { backendUrl, token } = portal;
  let status = '';
  await expect(async () => {
    const task = await api(
      backendUrl,
      token,
      `/api/scaffolder/v2/tasks/${taskId}`,
    );
    status = task.status;
    expect(['completed', 'failed', 'cancelled']).toContain(status);
  }, `scaffolder task ${taskId} to finish`).toPass({
    timeout: 300_000,
    intervals: [2000],
  });
  if (status !== 'completed') {
    const events = await api(
      backendUrl,
      token,
      `/api/scaffolder/v2/tasks/${taskId}/events`,
    );
    const lines = events
      .map((e: any) => e.body?.message)
      .filter(Boolean)
      .slice(-15)
      .join('\n');
    expect(status, `the scaffolder task's end; its log:\n${lines}`).toBe(
      'completed',
    );
  }
}

import { mockCredentials } from '@backstage/backend-test-utils';

/** A JSON response: its status and its parsed body (undefined when empty). */
export interface JsonResponse<T> {
  status: number;
  body: T;
}

/**
 * Calls a test backend as a signed-in user (the mock user, or the one
 * named), JSON in and out, without throwing on an error status: tests
 * assert on the status.
 */
export function backendRequests(baseUrl: () => string, user?: string) {
  return async function request<T = any>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<JsonResponse<T>> {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        Authorization: mockCredentials.user.header(user),
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
    };
  };
}

/**
 * Reads until `done` says yes, or fails naming what it waited for and the
 * last value read.
 */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${what}: ${JSON.stringify(value)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 300));
  }
}

/** A scaffolder task run to its end: its status and every event it logged. */
export interface FinishedTask {
  task: any;
  status: string;
  events: any[];
}

/**
 * Starts a template through the scaffolder's API and waits until the task
 * completes, fails or is cancelled.
 */
export async function runScaffolderTask(
  request: ReturnType<typeof backendRequests>,
  templateRef: string,
  values: Record<string, unknown>,
  timeoutMs = 120_000,
): Promise<FinishedTask> {
  const created = await request('POST', '/api/scaffolder/v2/tasks', {
    templateRef,
    values,
  });
  if (created.status !== 201) {
    throw new Error(
      `Starting ${templateRef} answered ${created.status}: ${JSON.stringify(
        created.body,
      )}`,
    );
  }
  const task = await waitFor(
    `the ${templateRef} task`,
    async () =>
      (
        await request('GET', `/api/scaffolder/v2/tasks/${created.body.id}`)
      ).body,
    body => ['completed', 'failed', 'cancelled'].includes(body?.status),
    timeoutMs,
  );
  const events = (
    await request('GET', `/api/scaffolder/v2/tasks/${created.body.id}/events`)
  ).body as any[];
  return { task, status: task.status as string, events };
}

/** Runs a template to its end; fails unless it completes. */
export async function runTemplate(
  request: ReturnType<typeof backendRequests>,
  templateRef: string,
  values: Record<string, unknown>,
): Promise<any> {
  const { status, events } = await runScaffolderTask(
    request,
    templateRef,
    values,
    240_000,
  );
  if (status !== 'completed') {
    throw new Error(
      `${templateRef} ${status}: ${JSON.stringify(
        events
          .filter(e => e.body?.status === 'failed' || e.type === 'completion')
          .map(e => e.body?.error?.message ?? e.body?.message),
      )}`,
    );
  }
  return events.find(e => e.type === 'completion')?.body?.output;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApp } from './app';

describe('${{ values.name }}', () => {
  it('answers the liveness probe', async t => {
    const app = buildApp();
    t.after(() => app.close());

    const response = await app.inject({ method: 'GET', url: '/healthz' });

    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });

  it('reports ready when its dependencies are', async t => {
    const app = buildApp({ isReady: () => true });
    t.after(() => app.close());

    const response = await app.inject({ method: 'GET', url: '/readyz' });

    assert.equal(response.statusCode, 200);
  });

  it('reports not ready with 503 so Kubernetes stops sending traffic', async t => {
    const app = buildApp({ isReady: async () => false });
    t.after(() => app.close());

    const response = await app.inject({ method: 'GET', url: '/readyz' });

    assert.equal(response.statusCode, 503);
    assert.deepEqual(response.json(), { status: 'not-ready' });
  });

  it('greets by name', async t => {
    const app = buildApp();
    t.after(() => app.close());

    const response = await app.inject({
      method: 'GET',
      url: '/v1/greetings/Ada',
    });

    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { message: 'Hello, Ada!' });
  });

  it('rejects a name longer than 64 characters', async t => {
    const app = buildApp();
    t.after(() => app.close());

    const response = await app.inject({
      method: 'GET',
      url: `/v1/greetings/${'a'.repeat(65)}`,
    });

    assert.equal(response.statusCode, 400);
  });
});

import { GoldenPathsClient } from './GoldenPathsClient';

describe('GoldenPathsClient', () => {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  let next: Response;
  const client = new GoldenPathsClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backstage/api/${pluginId}`,
    },
    fetchApi: {
      fetch: (async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        return next;
      }) as typeof fetch,
    },
  });
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });

  beforeEach(() => {
    calls.length = 0;
  });

  it('sends filters comma-separated and leaves out empty ones', async () => {
    next = json({ items: [] });
    await client.listPaths({
      category: ['service', 'data'],
      guarantee: ['sbom'],
      owner: [],
      limit: 20,
    });
    expect(calls[0].url).toBe(
      'http://backstage/api/golden-paths/paths?category=service%2Cdata&guarantee=sbom&limit=20',
    );
  });

  it('addresses a path by namespace and name', async () => {
    next = json({ items: [] });
    await client.listFollowers('goldenpath:team-x/node-http-service', {
      cursor: 'abc',
    });
    expect(calls[0].url).toBe(
      'http://backstage/api/golden-paths/paths/team-x/node-http-service/followers?cursor=abc',
    );
    await expect(client.getPath('component:default/x')).rejects.toThrow(
      'Expected a goldenpath entity ref, got component:default/x',
    );
  });

  it('answers undefined for an entity without results', async () => {
    next = json({ error: { name: 'NotFoundError', message: 'nope' } }, 404);
    await expect(
      client.getEntityResult('component:default/orders'),
    ).resolves.toBeUndefined();
    expect(calls[0].url).toBe(
      'http://backstage/api/golden-paths/entities/component/default/orders',
    );
  });

  it("throws a ResponseError carrying the backend's error", async () => {
    next = json(
      {
        error: { name: 'NotAllowedError', message: 'You may not' },
        response: { statusCode: 403 },
      },
      403,
    );
    await expect(client.refresh()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      cause: { name: 'NotAllowedError', message: 'You may not' },
    });
    expect(calls[0].init?.method).toBe('POST');
  });

  it('posts YAML to validate', async () => {
    next = json({ valid: true, problems: [] });
    await expect(client.validate('kind: x')).resolves.toEqual({
      valid: true,
      problems: [],
    });
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      yaml: 'kind: x',
    });
  });
});

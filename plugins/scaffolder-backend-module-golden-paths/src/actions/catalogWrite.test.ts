import { promises as fs } from 'node:fs';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  GOLDEN_PATH_GUARANTEE_IDS,
  coreKindValidators,
  lintCatalogYaml,
} from '@golden-paths/golden-paths-common';
import { parse } from 'yaml';
import { type ContextOf, actionContext } from '../__testUtils__/actionContext';
import { createCatalogWriteAction } from './catalogWrite';

type Context = ContextOf<ReturnType<typeof createCatalogWriteAction>>;

describe('golden-paths:catalog:write', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createCatalogWriteAction();

  const required = {
    name: 'orders',
    owner: 'group:default/payments-team',
    path: 'goldenpath:default/node-http-service',
    pathVersion: '2.1.0',
  };

  function context(input: Record<string, unknown>, extra?: Partial<Context>) {
    return actionContext(action, input, { workspacePath, ...extra });
  }

  async function readEntity(file = 'catalog-info.yaml') {
    return parse(await fs.readFile(mockDir.resolve('workspace', file), 'utf8'));
  }

  beforeEach(() => {
    mockDir.setContent({ workspace: {}, outside: {} });
  });

  it('writes a Component with the golden path annotations and what its guarantees imply', async () => {
    const ctx = context({
      ...required,
      title: 'Orders service',
      description: 'Takes orders.',
      system: 'payments',
      tags: ['nodejs', 'http'],
      guarantees: [...GOLDEN_PATH_GUARANTEE_IDS],
      costCenter: 'cc-1234',
      image: 'ghcr.io/example-org/orders',
      sourceLocation: 'https://github.com/example-org/orders/tree/main/',
      links: [{ url: 'https://grafana.example.com/d/orders', title: 'Dash' }],
    });
    await action.handler(ctx);

    const text = await fs.readFile(
      mockDir.resolve('workspace/catalog-info.yaml'),
      'utf8',
    );
    expect(
      await lintCatalogYaml(text, { validators: coreKindValidators }),
    ).toEqual([]);
    expect(parse(text)).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'orders',
        title: 'Orders service',
        description: 'Takes orders.',
        labels: { 'cost-center': 'cc-1234', team: 'payments-team' },
        annotations: {
          'golden-paths.dev/path': 'goldenpath:default/node-http-service',
          'golden-paths.dev/path-version': '2.1.0',
          'backstage.io/source-template': 'template:default/node-http-service',
          'backstage.io/source-location':
            'url:https://github.com/example-org/orders/tree/main/',
          'backstage.io/kubernetes-id': 'orders',
          'backstage.io/kubernetes-label-selector':
            'app.kubernetes.io/name=orders',
        },
        tags: ['nodejs', 'http'],
        links: [{ url: 'https://grafana.example.com/d/orders', title: 'Dash' }],
      },
      spec: {
        type: 'service',
        lifecycle: 'experimental',
        owner: 'group:default/payments-team',
        system: 'system:default/payments',
      },
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders',
    );
    expect(ctx.output).toHaveBeenCalledWith('filePath', 'catalog-info.yaml');
  });

  it('writes only the path annotations when no guarantees are given, with the defaults', async () => {
    await action.handler(context(required));
    const entity = await readEntity();
    expect(entity.metadata.annotations).toEqual({
      'golden-paths.dev/path': 'goldenpath:default/node-http-service',
      'golden-paths.dev/path-version': '2.1.0',
      'backstage.io/source-template': 'template:default/node-http-service',
    });
    expect(entity.metadata.labels).toBeUndefined();
    expect(entity.spec).toEqual({
      type: 'service',
      lifecycle: 'experimental',
      owner: 'group:default/payments-team',
    });
  });

  it('takes the type, lifecycle, source template and team from the inputs', async () => {
    await action.handler(
      context({
        ...required,
        owner: 'user:default/jane',
        type: 'website',
        lifecycle: 'production',
        sourceTemplate: 'template:default/other',
        guarantees: ['cost-labels'],
        team: 'storefront',
      }),
    );
    const entity = await readEntity();
    expect(entity.spec.type).toBe('website');
    expect(entity.spec.lifecycle).toBe('production');
    expect(entity.spec.owner).toBe('user:default/jane');
    expect(entity.metadata.labels).toEqual({ team: 'storefront' });
    expect(entity.metadata.annotations['backstage.io/source-template']).toBe(
      'template:default/other',
    );
  });

  it('keeps a location prefix that is already there, and merges annotations last', async () => {
    await action.handler(
      context({
        ...required,
        guarantees: ['resource-requests'],
        sourceLocation: 'url:https://example.com/repo/',
        annotations: {
          'backstage.io/kubernetes-id': 'orders-api',
          'backstage.io/techdocs-ref': 'dir:.',
        },
      }),
    );
    const { annotations } = (await readEntity()).metadata;
    expect(annotations['backstage.io/source-location']).toBe(
      'url:https://example.com/repo/',
    );
    expect(annotations['backstage.io/kubernetes-id']).toBe('orders-api');
    expect(annotations['backstage.io/techdocs-ref']).toBe('dir:.');
  });

  it('writes into a subdirectory and replaces an existing file', async () => {
    mockDir.setContent({
      workspace: { services: { orders: { 'catalog-info.yaml': 'old' } } },
    });
    const ctx = context({
      ...required,
      targetPath: 'services/orders/catalog-info.yaml',
    });
    await action.handler(ctx);
    expect(
      (await readEntity('services/orders/catalog-info.yaml')).metadata.name,
    ).toBe('orders');
    expect(ctx.output).toHaveBeenCalledWith(
      'filePath',
      'services/orders/catalog-info.yaml',
    );
    expect(
      await fs.readdir(mockDir.resolve('workspace/services/orders')),
    ).toEqual(['catalog-info.yaml']);
  });

  it('writes the file in a dry run too, since it stays in the workspace', async () => {
    const ctx = context(required, { isDryRun: true });
    await action.handler(ctx);
    expect((await readEntity()).metadata.name).toBe('orders');
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders',
    );
  });

  it('refuses an unknown guarantee, naming it and the known ones', async () => {
    await expect(
      action.handler(
        context({ ...required, guarantees: ['ci', 'blazing-fast'] }),
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /unknown guarantee "blazing-fast"; the known guarantees are owner, ci, sbom, .*cost-labels/,
      ),
    });
    expect(mockDir.content({ path: 'workspace' })).toEqual({});
  });

  it.each([
    ['../outside/catalog-info.yaml', /points outside the workspace/],
    ['/etc/catalog-info.yaml', /not the absolute path/],
    ['.', /must name a file/],
  ])('refuses targetPath %s', async (targetPath, message) => {
    await expect(
      action.handler(context({ ...required, targetPath })),
    ).rejects.toMatchObject({ name: 'InputError', message });
    expect(mockDir.content({ path: 'outside' })).toEqual({});
  });

  it('refuses to write through a symbolic link that leaves the workspace', async () => {
    mockDir.setContent({
      outside: {},
      workspace: { out: ({ symlink }) => symlink(mockDir.resolve('outside')) },
    });
    await expect(
      action.handler(
        context({ ...required, targetPath: 'out/catalog-info.yaml' }),
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/outside the workspace/),
    });
    expect(await fs.readdir(mockDir.resolve('outside'))).toEqual([]);
  });

  it.each([
    [{ name: 'Not a name!' }, /name: "Not a name!" is not a valid entity name/],
    [
      { owner: 'component:default/x' },
      /owner "component:default\/x" must refer to a group or user/,
    ],
    [{ owner: '' }, /owner "" is not a valid entity reference/],
    [
      { path: 'template:default/node-http-service' },
      /path "template:default\/node-http-service" must refer to a goldenpath/,
    ],
    [{ pathVersion: 'v2' }, /pathVersion: "v2" is not a semantic version/],
    [
      { sourceTemplate: 'component:default/x' },
      /sourceTemplate "component:default\/x" must refer to a template/,
    ],
    [{ system: 'a:b:c' }, /system "a:b:c" is not a valid entity reference/],
  ])('refuses bad input %j', async (bad, message) => {
    await expect(
      action.handler(context({ ...required, ...bad })),
    ).rejects.toMatchObject({ name: 'InputError', message });
    expect(mockDir.content({ path: 'workspace' })).toEqual({});
  });

  it('validates the written entity and keeps the previous file when it is invalid', async () => {
    mockDir.setContent({ workspace: { 'catalog-info.yaml': 'previous' } });
    await expect(
      action.handler(
        context({
          ...required,
          guarantees: ['cost-labels'],
          costCenter: 'not a label value!',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /catalog entity is not valid, so catalog-info.yaml was not written:\ncatalog-info.yaml:\d+:\d+ metadata\.labels\.cost-center: /,
      ),
    });
    expect(mockDir.content({ path: 'workspace' })).toEqual({
      'catalog-info.yaml': 'previous',
    });
  });
});

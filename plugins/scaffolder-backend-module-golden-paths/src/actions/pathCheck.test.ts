import { Entity } from '@backstage/catalog-model';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { type ContextOf, actionContext } from '../__testUtils__/actionContext';
import {
  ALL_GUARANTEES,
  goldenPathEntity,
} from '../__testUtils__/goldenPathEntity';
import { createPathCheckAction } from './pathCheck';

type Context = ContextOf<ReturnType<typeof createPathCheckAction>>;

const entities: Entity[] = [
  goldenPathEntity(
    'node-http-service',
    { guarantees: ALL_GUARANTEES },
    'Node.js HTTP service on Kubernetes',
  ),
  goldenPathEntity('static-site', {
    guarantees: ['owner'],
    category: 'frontend',
  }),
  goldenPathEntity(
    'python-service',
    { lifecycle: 'beta', version: '0.3.0', guarantees: ['owner', 'ci'] },
    'Python service',
  ),
  goldenPathEntity(
    'node-http-service-v1',
    {
      lifecycle: 'deprecated',
      version: '1.4.0',
      replacedBy: 'goldenpath:default/node-http-service',
    },
    'Node.js HTTP service (v1)',
  ),
  goldenPathEntity('legacy-java', {
    lifecycle: 'deprecated',
    version: '0.9.0',
    replacedBy: 'goldenpath:default/secret-path',
  }),
  {
    apiVersion: 'golden-paths.dev/v9',
    kind: 'GoldenPath',
    metadata: { name: 'from-the-future', namespace: 'default' },
    spec: {},
  },
];

describe('golden-paths:path:check', () => {
  const logger = mockServices.logger.mock();
  const catalog = catalogServiceMock({ entities });
  const action = createPathCheckAction({ catalog });

  function context(input: Record<string, unknown>, extra?: Partial<Context>) {
    return actionContext(action, input, { logger, ...extra });
  }

  beforeEach(() => {
    jest.clearAllMocks();
  });

  it('outputs the contract of a supported path whose guarantees the choices keep', async () => {
    const ctx = context({
      path: 'goldenpath:default/node-http-service',
      choices: {
        autoscaling: 'vpa',
        observability: 'datadog',
        sbom: true,
        imageSigning: true,
        vulnerabilityScan: true,
        ci: true,
        costLabels: true,
        resourceRequests: true,
      },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'goldenpath:default/node-http-service',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'title',
      'Node.js HTTP service on Kubernetes',
    );
    expect(ctx.output).toHaveBeenCalledWith('version', '2.1.0');
    expect(ctx.output).toHaveBeenCalledWith('lifecycle', 'supported');
    expect(ctx.output).toHaveBeenCalledWith('category', 'service');
    expect(ctx.output).toHaveBeenCalledWith('guarantees', ALL_GUARANTEES);
    expect(ctx.output).toHaveBeenCalledWith(
      'owner',
      'group:default/platform-team',
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('reads the path with the credentials of the user running the template', async () => {
    const credentials = mockCredentials.user('user:default/jane');
    const getEntityByRef = jest.fn(async () => entities[1]);
    const mocked = createPathCheckAction({
      catalog: catalogServiceMock.mock({ getEntityByRef }),
    });
    const ctx = context(
      { path: 'static-site' },
      { getInitiatorCredentials: async () => credentials },
    );
    await mocked.handler(ctx);
    expect(getEntityByRef).toHaveBeenCalledWith(
      'goldenpath:default/static-site',
      { credentials },
    );
    expect(ctx.output).toHaveBeenCalledWith('title', 'static-site');
    expect(ctx.output).toHaveBeenCalledWith('category', 'frontend');
  });

  it('passes choices that turn off what the path does not guarantee', async () => {
    const ctx = context({
      path: 'static-site',
      choices: { autoscaling: 'none', observability: 'none', sbom: false },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('guarantees', ['owner']);
  });

  it('lists every guarantee the choices break in one message', async () => {
    const promise = action.handler(
      context({
        path: 'node-http-service',
        choices: {
          autoscaling: 'none',
          observability: 'none',
          sbom: false,
          imageSigning: true,
          costLabels: false,
          resourceRequests: false,
        },
      }),
    );
    await expect(promise).rejects.toMatchObject({ name: 'InputError' });
    const { message } = await promise.catch(e => e);
    expect(message).toBe(
      "the choices break 5 guarantees of golden path goldenpath:default/node-http-service (Node.js HTTP service on Kubernetes) 2.1.0: sbom (SBOM): sbom is false; resource-requests (Resource requests and limits): resourceRequests is false; autoscaling (Autoscaling): autoscaling is 'none'; observability (Observability): observability is 'none'; cost-labels (Cost labels): costLabels is false. Keep them on to stay on the path, or pick another path.",
    );
  });

  it('counts turning CI off against the guarantees CI produces', async () => {
    await expect(
      action.handler(
        context({ path: 'node-http-service', choices: { ci: false } }),
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'ci (Continuous integration): ci is false; sbom (SBOM): ci is false, and CI is what produces it; image-signing (Signed images): ci is false, and CI is what produces it; vulnerability-scan (Vulnerability scan): ci is false, and CI is what produces it.',
      ),
    });
  });

  it('warns about a beta path with a fixed message and passes', async () => {
    const ctx = context({ path: 'python-service', choices: { ci: true } });
    await action.handler(ctx);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'This golden path is in beta: its contract may still change before it is supported.',
    );
    expect(ctx.output).toHaveBeenCalledWith('lifecycle', 'beta');
  });

  it('refuses a deprecated path and names its replacement with its title', async () => {
    await expect(
      action.handler(context({ path: 'node-http-service-v1' })),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'golden path goldenpath:default/node-http-service-v1 is deprecated; start from goldenpath:default/node-http-service (Node.js HTTP service on Kubernetes) instead',
    });
  });

  it('names the replacement of a deprecated path even when it cannot be read', async () => {
    await expect(
      action.handler(context({ path: 'legacy-java' })),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'golden path goldenpath:default/legacy-java is deprecated; start from goldenpath:default/secret-path instead',
    });
  });

  it('refuses a path that is not in the catalog or not visible', async () => {
    await expect(
      action.handler(context({ path: 'goldenpath:default/nope' })),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'golden path goldenpath:default/nope was not found in the catalog, or you cannot see it',
    });
  });

  it('refuses an entity that is not a GoldenPath it understands', async () => {
    await expect(
      action.handler(context({ path: 'from-the-future' })),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'goldenpath:default/from-the-future is not a GoldenPath (it is golden-paths.dev/v9 GoldenPath)',
    });
  });

  it.each([
    ['component:default/orders', /must refer to a goldenpath/],
    ['a:b:c', /is not a valid entity reference/],
    ['', /is not a valid entity reference/],
  ])('refuses the path reference %j', async (path, message) => {
    await expect(action.handler(context({ path }))).rejects.toMatchObject({
      name: 'InputError',
      message,
    });
  });

  it('still reads the catalog and checks the contract in a dry run', async () => {
    const getEntityByRef = jest.fn(async () => entities[0]);
    const mocked = createPathCheckAction({
      catalog: catalogServiceMock.mock({ getEntityByRef }),
    });
    await expect(
      mocked.handler(
        context(
          { path: 'node-http-service', choices: { autoscaling: 'none' } },
          { isDryRun: true },
        ),
      ),
    ).rejects.toMatchObject({ name: 'InputError' });
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
  });
});

import { promises as fs } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  TestBackend,
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import git from 'isomorphic-git';
import * as nodeFs from 'node:fs';
import { stringify } from 'yaml';
import scaffolderModuleGoldenPaths from './index';
import {
  runScaffolderTask,
  startScaffolderTestBackend,
  waitFor,
} from '@golden-paths/test-utils';

const catalogYaml = [
  {
    apiVersion: 'golden-paths.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: { name: 'node-http-service', title: 'Node.js HTTP service' },
    spec: {
      owner: 'group:default/platform-team',
      lifecycle: 'supported',
      category: 'service',
      version: '2.1.0',
      guarantees: ['owner', 'autoscaling', 'observability'],
    },
  },
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'node-http-service' },
    spec: {
      type: 'service',
      owner: 'group:default/platform-team',
      parameters: [
        {
          properties: {
            name: { type: 'string' },
            autoscaling: { type: 'string' },
          },
        },
      ],
      steps: [
        {
          id: 'check',
          action: 'golden-paths:path:check',
          input: {
            path: 'node-http-service',
            choices: { autoscaling: '${{ parameters.autoscaling }}' },
          },
        },
        {
          id: 'catalog',
          action: 'golden-paths:catalog:write',
          input: {
            name: '${{ parameters.name }}',
            owner: 'group:default/platform-team',
            path: '${{ steps.check.output.entityRef }}',
            pathVersion: '${{ steps.check.output.version }}',
            guarantees: '${{ steps.check.output.guarantees }}',
          },
        },
        {
          id: 'publish',
          action: 'golden-paths:publish:local',
          input: { repoName: '${{ parameters.name }}' },
        },
        {
          id: 'register',
          action: 'catalog:register',
          input: {
            catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
          },
        },
      ],
      output: {
        entityRef: '${{ steps.register.output.entityRef }}',
        remoteUrl: '${{ steps.publish.output.remoteUrl }}',
      },
    },
  },
]
  .map(document => stringify(document))
  .join('---\n');

describe('scaffolderModuleGoldenPaths', () => {
  const mockDir = createMockDirectory();
  let backend: TestBackend | undefined;

  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it('runs a golden-path template end to end: check, write, publish locally, register', async () => {
    mockDir.setContent({ 'catalog.yaml': catalogYaml, work: {} });
    const repositories = mockDir.resolve('repos');

    const world = await startScaffolderTestBackend({
      features: [scaffolderModuleGoldenPaths],
      config: {
        backend: { workingDirectory: mockDir.resolve('work') },
        catalog: {
          processingInterval: { seconds: 1 },
          rules: [{ allow: ['Component', 'Template', 'GoldenPath'] }],
          locations: [
            { type: 'file', target: mockDir.resolve('catalog.yaml') },
          ],
        },
        goldenPaths: {
          scaffolder: { localPublish: { directory: repositories } },
        },
      },
    });
    backend = world.backend;
    const { request } = world;

    await waitFor(
      'the template in the catalog',
      () =>
        request(
          'GET',
          '/api/catalog/entities/by-name/template/default/node-http-service',
        ),
      r => r.status === 200,
    );

    const actions = await request('GET', '/api/scaffolder/v2/actions');
    expect((actions.body as Array<{ id: string }>).map(a => a.id)).toEqual(
      expect.arrayContaining([
        'golden-paths:catalog:write',
        'golden-paths:path:check',
        'golden-paths:publish:local',
        'golden-paths:supply-chain:ci',
        'golden-paths:kubernetes:manifests',
      ]),
    );

    const run = async (values: Record<string, string>) => {
      const { status, events } = await runScaffolderTask(
        request,
        'template:default/node-http-service',
        values,
      );
      return {
        status,
        output: events.find(e => e.type === 'completion')?.body?.output,
        log: events.map(e => e.body?.message ?? '').join('\n'),
      };
    };

    // A choice that breaks the path's contract stops the task before anything
    // is published.
    const broken = await run({ name: 'broken', autoscaling: 'none' });
    expect(broken.status).toBe('failed');
    expect(broken.log).toContain(
      "autoscaling (Autoscaling): autoscaling is 'none'",
    );
    await expect(fs.readdir(repositories)).rejects.toThrow();

    const { status, output, log } = await run({
      name: 'orders',
      autoscaling: 'hpa',
    });
    expect({ status, log }).toMatchObject({ status: 'completed' });
    expect(output).toEqual({
      entityRef: 'component:default/orders',
      remoteUrl: pathToFileURL(join(repositories, 'orders')).href,
    });

    const dir = join(repositories, 'orders');
    expect(await git.listFiles({ fs: nodeFs, dir, ref: 'HEAD' })).toEqual([
      'catalog-info.yaml',
    ]);

    const { body: entity } = await waitFor(
      'the component in the catalog',
      () =>
        request(
          'GET',
          '/api/catalog/entities/by-name/component/default/orders',
        ),
      r => r.status === 200,
    );
    expect((entity as Entity).metadata.annotations).toMatchObject({
      'golden-paths.dev/path': 'goldenpath:default/node-http-service',
      'golden-paths.dev/path-version': '2.1.0',
      'backstage.io/source-template': 'template:default/node-http-service',
      'backstage.io/kubernetes-id': 'orders',
    });
  }, 180_000);

  it('leaves golden-paths:publish:local out when local publishing is off', async () => {
    mockDir.setContent({ work: {} });
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleGoldenPaths,
        mockServices.rootConfig.factory({
          data: {
            backend: { workingDirectory: mockDir.resolve('work') },
            goldenPaths: { scaffolder: { localPublish: { enabled: false } } },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    const response = await fetch(
      `http://localhost:${port}/api/scaffolder/v2/actions`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    const ids = ((await response.json()) as Array<{ id: string }>).map(
      a => a.id,
    );
    expect(ids).toContain('golden-paths:template:render');
    expect(ids).not.toContain('golden-paths:publish:local');
  });
});

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  SCAFFOLD_RECORD_PATH,
  parseScaffoldRecord,
} from '@golden-paths/golden-paths-node';
import { parse, stringify } from 'yaml';
import {
  EXAMPLES_DIR,
  type ScaffolderTestBackend,
  startScaffolderTestBackend,
  waitFor,
} from '@golden-paths/test-utils';
import scaffolderModuleGoldenPaths from '../index';
import { examples } from './templateRender.examples';

/*
 * golden-paths:template:render through the real scaffolder: a small
 * golden-path template with secret parameters, dry-run as the template
 * editor's Try does (the template's own files are the directory contents).
 */

/** The demo service's template, with `spec` besides its owner and type. */
const demoTemplate = (spec: Record<string, unknown>) => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'demo-service' },
  spec: { owner: 'group:default/platform-team', type: 'service', ...spec },
});

const entryTemplate = (
  parameters: Record<string, unknown>,
  path = 'goldenpath:default/node-http-service',
) =>
  demoTemplate({
    parameters: [{ properties: parameters }],
    steps: [
      {
        id: 'render',
        action: 'golden-paths:template:render',
        input: {
          path,
          version: '${{ parameters.version }}',
          values: '${{ parameters }}',
        },
      },
    ],
  });

const PARAMETERS = {
  name: { type: 'string' },
  version: { type: 'string' },
  registryToken: { type: 'string', 'ui:field': 'Secret' },
  dbPassword: { type: 'string', format: 'password' },
  licence: { type: 'string', 'ui:goldenPathsRecord': false },
};

const revision = demoTemplate({
  steps: [
    {
      id: 'fetch',
      action: 'fetch:template',
      input: {
        url: './skeleton',
        values: {
          name: '${{ parameters.name }}',
          token: '${{ parameters.registryToken }}',
          password: '${{ parameters.dbPassword }}',
          licence: '${{ parameters.licence }}',
          pathVersion: '${{ parameters.goldenPath.version }}',
          date: '${{ parameters.scaffold.date }}',
          id: '${{ parameters.scaffold.id }}',
        },
      },
    },
  ],
});

const README = [
  '# ${{ values.name }} (path ${{ values.pathVersion }})',
  'Made on ${{ values.date }}, id ${{ values.id }}.',
  'token=${{ values.token }} password=${{ values.password }} licence=${{ values.licence }}',
  '',
].join('\n');

const file = (path: string, content: string) => ({
  path,
  base64Content: Buffer.from(content).toString('base64'),
});

describe('golden-paths:template:render', () => {
  let world: ScaffolderTestBackend;
  const request: ScaffolderTestBackend['request'] = (...args) =>
    world.request(...args);

  beforeAll(async () => {
    world = await startScaffolderTestBackend({
      features: [scaffolderModuleGoldenPaths],
      withoutLocalReader: true,
      config: {
        catalog: {
          rules: [{ allow: ['GoldenPath', 'Group', 'User', 'Template'] }],
          locations: ['golden-paths.yaml', 'org.yaml'].map(name => ({
            type: 'file',
            target: join(EXAMPLES_DIR, name),
          })),
        },
      },
    });
    await waitFor(
      'the example golden paths in the catalog',
      async () =>
        (
          await request(
            'GET',
            '/api/catalog/entities/by-name/goldenpath/default/node-http-service',
          )
        ).status,
      status => status === 200,
    );
  }, 60_000);

  afterAll(() => world?.backend.stop());

  async function dryRun(
    template: unknown,
    values: Record<string, unknown>,
    revisionVersion = '1.0.0',
    revisionTemplate: unknown = revision,
  ) {
    const { status, body } = await request(
      'POST',
      '/api/scaffolder/v2/dry-run',
      {
        template,
        values,
        directoryContents: [
          file('template.yaml', stringify(template)),
          file(
            `versions/${revisionVersion}/template.yaml`,
            stringify(revisionTemplate),
          ),
          file(`versions/${revisionVersion}/skeleton/README.md`, README),
        ],
      },
    );
    const files: Record<string, string> = {};
    for (const f of body.directoryContents ?? []) {
      files[f.path] = Buffer.from(f.base64Content, 'base64').toString('utf8');
    }
    // A failed step fails the whole dry run with the step's error.
    const failure: string | undefined =
      body.error?.message ??
      (body.log ?? []).find((e: any) => e.body?.status === 'failed')?.body
        ?.message;
    return { status, files, failure, body };
  }

  const secrets = {
    registryToken: 'secret-token-1',
    dbPassword: 'secret-password-2',
    licence: 'secret-licence-3',
  };

  it('renders the revision for the version with values, path and seed, and records it without secrets', async () => {
    const { files, failure } = await dryRun(entryTemplate(PARAMETERS), {
      name: 'orders',
      version: '1.0.0',
      ...secrets,
      undeclared: 'secret-undeclared-4',
    });
    expect(failure).toBeUndefined();
    expect(Object.keys(files).sort()).toEqual([
      SCAFFOLD_RECORD_PATH,
      'README.md',
    ]);
    expect(files['README.md']).toMatch(
      /^# orders \(path 1\.0\.0\)\nMade on \d{4}-\d\d-\d\d, id [0-9a-f]{8}\.\ntoken= password= licence=\n$/,
    );

    const text = files[SCAFFOLD_RECORD_PATH];
    expect(text).not.toMatch(/secret-/);
    const record = parseScaffoldRecord(text);
    expect(record).toMatchObject({
      schemaVersion: 1,
      path: {
        entityRef: 'goldenpath:default/node-http-service',
        version: '1.0.0',
        title: 'Node.js HTTP service on Kubernetes',
      },
      values: { name: 'orders', version: '1.0.0' },
    });
    expect(Object.keys(record.values).sort()).toEqual(['name', 'version']);
    expect(record.template.revision.location).toMatch(/\/versions\/1\.0\.0$/);
    expect(record.files).toEqual([
      {
        path: 'README.md',
        sha256: createHash('sha256').update(files['README.md']).digest('hex'),
      },
    ]);
    expect(files['README.md']).toContain(
      record.context.scaffoldedAt.slice(0, 10),
    );
  });

  it('records no secret inside array items or additionalProperties maps', async () => {
    const nested = {
      ...PARAMETERS,
      databases: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            host: { type: 'string' },
            password: { type: 'string', 'ui:field': 'Secret' },
          },
        },
      },
      registries: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          properties: {
            url: { type: 'string' },
            token: { type: 'string', format: 'password' },
          },
        },
      },
      apiKeys: {
        type: 'object',
        additionalProperties: { type: 'string', 'ui:widget': 'password' },
      },
      pair: {
        type: 'array',
        items: [{ type: 'string' }, { type: 'string', 'ui:field': 'Secret' }],
      },
    };
    const { files, failure } = await dryRun(entryTemplate(nested), {
      name: 'orders',
      version: '1.0.0',
      databases: [
        { host: 'db-1.internal', password: 'secret-array-item-5' },
        { host: 'db-2.internal', password: 'secret-array-item-6' },
      ],
      registries: {
        ghcr: { url: 'ghcr.io', token: 'secret-map-object-7' },
      },
      apiKeys: { stripe: 'secret-map-value-8' },
      pair: ['user', 'secret-tuple-9'],
    });
    expect(failure).toBeUndefined();
    const text = files[SCAFFOLD_RECORD_PATH];
    expect(text).not.toMatch(/secret-/);
    expect(parseScaffoldRecord(text).values).toEqual({
      name: 'orders',
      version: '1.0.0',
      databases: [{ host: 'db-1.internal' }, { host: 'db-2.internal' }],
      registries: { ghcr: { url: 'ghcr.io' } },
      apiKeys: {},
    });
  });

  it('says which version has no revision, and where it looked', async () => {
    const { failure } = await dryRun(
      entryTemplate(PARAMETERS),
      { name: 'orders', version: '2.0.0' },
      '1.0.0',
    );
    expect(failure).toMatch(
      /The template has no revision for version 2\.0\.0 at .*versions\/2\.0\.0/,
    );
  });

  it('refuses a template whose own parameters use a reserved name', async () => {
    const { failure } = await dryRun(
      entryTemplate({ ...PARAMETERS, scaffold: { type: 'string' } }),
      { name: 'orders', version: '1.0.0', scaffold: 'x' },
    );
    expect(failure).toMatch(/"scaffold" is reserved/);
  });

  it('says which golden path it cannot find', async () => {
    const { failure } = await dryRun(
      entryTemplate(PARAMETERS, 'goldenpath:default/no-such-path'),
      { name: 'orders', version: '1.0.0' },
    );
    expect(failure).toBe(
      'Golden path goldenpath:default/no-such-path not found',
    );
  });

  it('names the revision file that has no steps', async () => {
    const { failure } = await dryRun(
      entryTemplate(PARAMETERS),
      { name: 'orders', version: '1.0.0' },
      '1.0.0',
      { ...revision, spec: { ...revision.spec, steps: undefined } },
    );
    expect(failure).toMatch(
      /versions\/1\.0\.0\/template\.yaml: spec\.steps must list the steps that render version 1\.0\.0$/,
    );
  });

  it.each(examples.map(example => [example.description, example] as const))(
    'runs its example: %s',
    async (_, example) => {
      // The example's step, after the path check whose outputs it reads.
      const steps = [
        {
          id: 'check',
          action: 'golden-paths:path:check',
          input: { path: 'goldenpath:default/node-http-service' },
        },
        ...parse(example.example).steps,
      ];
      const template = entryTemplate(PARAMETERS);
      const { body: path } = await request(
        'GET',
        '/api/catalog/entities/by-name/goldenpath/default/node-http-service',
      );
      const { files, failure } = await dryRun(
        { ...template, spec: { ...template.spec, steps } },
        { name: 'orders', ...secrets },
        path.spec.version,
      );
      expect(failure).toBeUndefined();
      expect(files['README.md']).toContain(
        `# orders (path ${path.spec.version})\n`,
      );
      const record = parseScaffoldRecord(files[SCAFFOLD_RECORD_PATH]);
      expect(record.path).toMatchObject({
        entityRef: 'goldenpath:default/node-http-service',
        version: path.spec.version,
      });
      expect(record.values).toEqual({ name: 'orders' });
    },
  );
});

import { validateGoldenPathEntity } from './validateGoldenPathEntity';
import { isGoldenPathEntity } from './GoldenPathEntityV1alpha1';

function goldenPath(
  spec: Record<string, unknown> = {},
  metadata = {},
): { spec: Record<string, unknown> } & Record<string, any> {
  return {
    apiVersion: 'golden-paths.dev/v1alpha1',
    kind: 'GoldenPath',
    metadata: { name: 'node-http-service', ...metadata },
    spec: {
      owner: 'group:default/platform-team',
      lifecycle: 'supported',
      category: 'service',
      version: '2.1.0',
      templates: ['template:default/node-http-service'],
      stack: { language: 'TypeScript', runtime: 'Node.js 22' },
      guarantees: ['owner', 'ci', 'sbom'],
      steps: [{ title: 'Scaffold the service', description: 'Run it.' }],
      ...spec,
    },
  };
}

function fields(data: unknown) {
  return validateGoldenPathEntity(data).map(p => p.field);
}

function messages(data: unknown) {
  return validateGoldenPathEntity(data).map(p => `${p.field}: ${p.message}`);
}

describe('validateGoldenPathEntity', () => {
  it('accepts a complete path', () => {
    expect(validateGoldenPathEntity(goldenPath())).toEqual([]);
  });

  it('accepts a minimal path with only the required fields', () => {
    const entity = goldenPath();
    entity.spec = {
      owner: 'platform-team',
      lifecycle: 'beta',
      category: 'ml',
      version: '0.1.0',
    };
    expect(validateGoldenPathEntity(entity)).toEqual([]);
  });

  it('requires owner, lifecycle, category and version', () => {
    const entity = goldenPath();
    entity.spec = {};
    expect(messages(entity)).toEqual([
      'spec.owner: spec.owner is required',
      'spec.lifecycle: spec.lifecycle is required',
      'spec.category: spec.category is required',
      'spec.version: spec.version is required',
    ]);
  });

  it('rejects an unknown lifecycle and category, naming the allowed values', () => {
    expect(
      messages(goldenPath({ lifecycle: 'stable', category: 'db' })),
    ).toEqual([
      'spec.lifecycle: must be one of supported, beta, deprecated; got "stable"',
      'spec.category: must be one of service, data, ml, frontend, network-function, library; got "db"',
    ]);
  });

  it.each(['2.1', 'v2.1.0', '2.1.0.0', '02.1.0', 'latest'])(
    'rejects the non-semver version %s',
    version => {
      expect(messages(goldenPath({ version }))).toEqual([
        `spec.version: must be a semantic version such as 1.4.0; got "${version}"`,
      ]);
    },
  );

  it.each(['1.0.0', '0.0.1', '10.20.30', '1.0.0-rc.1', '2.0.0+build.7'])(
    'accepts the semver version %s',
    version => {
      expect(validateGoldenPathEntity(goldenPath({ version }))).toEqual([]);
    },
  );

  it('requires replacedBy when deprecated', () => {
    expect(messages(goldenPath({ lifecycle: 'deprecated' }))).toEqual([
      'spec.replacedBy: spec.replacedBy is required when spec.lifecycle is deprecated',
    ]);
    expect(
      validateGoldenPathEntity(
        goldenPath({
          lifecycle: 'deprecated',
          replacedBy: 'goldenpath:default/node-http-service-v3',
        }),
      ),
    ).toEqual([]);
  });

  it('rejects a path replaced by itself', () => {
    expect(
      messages(
        goldenPath({
          lifecycle: 'deprecated',
          replacedBy: 'node-http-service',
        }),
      ),
    ).toEqual(['spec.replacedBy: a golden path cannot be replaced by itself']);
  });

  it('checks that owner, templates and replacedBy are refs to the right kinds', () => {
    expect(
      messages(
        goldenPath({
          owner: 'component:default/payments',
          templates: ['template:default/ok', 'group:default/x', 'a:b:c'],
          lifecycle: 'deprecated',
          replacedBy: 'template:default/other',
        }),
      ),
    ).toEqual([
      'spec.owner: "component:default/payments" points at a component; it must point at a Group or User',
      'spec.templates[1]: "group:default/x" points at a group; it must point at a Template',
      'spec.templates[2]: "a:b:c" has an invalid entity name "b:c"; names are at most 63 characters of [a-zA-Z0-9] separated by [-_.]',
      'spec.replacedBy: "template:default/other" points at a template; it must point at a GoldenPath',
    ]);
  });

  it('rejects refs with invalid names', () => {
    expect(
      fields(goldenPath({ owner: 'group:default/Platform Team' })),
    ).toEqual(['spec.owner']);
  });

  it('accepts refs without kind or namespace, and users as owners', () => {
    expect(
      validateGoldenPathEntity(
        goldenPath({
          owner: 'user:jane.doe',
          templates: ['node-http-service', 'other/node-http-service'],
        }),
      ),
    ).toEqual([]);
  });

  it('rejects unknown and duplicate guarantees', () => {
    expect(
      messages(goldenPath({ guarantees: ['owner', 'sbom', 'uptime', 'sbom'] })),
    ).toEqual([
      'spec.guarantees[2]: must be one of owner, ci, sbom, image-signing, vulnerability-scan, resource-requests, autoscaling, observability, cost-labels; got "uptime"',
      'spec.guarantees[3]: duplicate item "sbom", already listed at index 1',
    ]);
  });

  it('requires every step to have a non-empty title', () => {
    expect(
      messages(
        goldenPath({
          steps: [{ title: 'ok' }, { description: 'no title' }, { title: '' }],
        }),
      ),
    ).toEqual([
      'spec.steps[1].title: spec.steps[1].title is required',
      'spec.steps[2].title: must not be empty',
    ]);
  });

  it('rejects unknown spec fields and wrong types', () => {
    expect(
      messages(goldenPath({ guarantee: ['ci'], stack: { language: 3 } })),
    ).toEqual([
      'spec.guarantee: unknown field "guarantee" in spec',
      'spec.stack.language: must be a string; got 3',
    ]);
  });

  it('rejects a document that is not a golden path at all', () => {
    expect(fields('just a string')).toEqual(['']);
    expect(
      fields({ apiVersion: 'backstage.io/v1alpha1', kind: 'GoldenPath' }),
    ).toEqual(expect.arrayContaining(['apiVersion', 'metadata', 'spec']));
  });
});

describe('isGoldenPathEntity', () => {
  it('recognises golden paths by apiVersion and kind', () => {
    expect(isGoldenPathEntity(goldenPath() as any)).toBe(true);
    expect(
      isGoldenPathEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
      }),
    ).toBe(false);
  });
});

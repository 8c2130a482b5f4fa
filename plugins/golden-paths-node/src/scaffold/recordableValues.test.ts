import { parameterDefaults, recordableValues } from './recordableValues';

const parameters = [
  {
    title: 'Service',
    properties: {
      name: { type: 'string', default: 'svc' },
      registryPassword: { type: 'string', 'ui:field': 'Secret' },
      dbPassword: { type: 'string', format: 'password' },
      pin: { type: 'string', 'ui:widget': 'password' },
      licenceKey: { type: 'string', 'ui:goldenPathsRecord': false },
      database: {
        type: 'object',
        properties: {
          host: { type: 'string' },
          password: { type: 'string', 'ui:field': 'Secret' },
        },
      },
      tags: { type: 'array', items: { type: 'string' } },
      kind: { type: 'string', enum: ['public', 'private'] },
    },
    dependencies: {
      kind: {
        oneOf: [
          {
            properties: {
              kind: { const: 'private' },
              vpnSecret: { type: 'string', format: 'password' },
              vpnName: { type: 'string', default: 'corp' },
            },
          },
        ],
      },
    },
  },
  {
    title: 'Second page',
    properties: { replicas: { type: 'integer', default: 2 } },
  },
];

const values = {
  name: 'orders',
  registryPassword: 'secret-1',
  dbPassword: 'secret-2',
  pin: 'secret-3',
  licenceKey: 'secret-4',
  database: { host: 'db.internal', password: 'secret-5' },
  tags: ['a', 'b'],
  kind: 'private',
  vpnSecret: 'secret-6',
  vpnName: 'corp-eu',
  replicas: 3,
  undeclaredToken: 'secret-7',
};

describe('recordableValues', () => {
  it('keeps declared values and drops every secret and undeclared key, at any depth and in conditional branches', () => {
    const kept = recordableValues(parameters, values);
    expect(kept).toEqual({
      name: 'orders',
      database: { host: 'db.internal' },
      tags: ['a', 'b'],
      kind: 'private',
      vpnName: 'corp-eu',
      replicas: 3,
    });
    expect(JSON.stringify(kept)).not.toMatch(/secret-/);
  });

  it('accepts a single page of parameters', () => {
    expect(
      recordableValues(parameters[1], { replicas: 1, other: 'x' }),
    ).toEqual({ replicas: 1 });
  });
});

describe('recordableValues through the whole schema', () => {
  const page = {
    definitions: {
      credential: {
        type: 'object',
        properties: {
          user: { type: 'string' },
          key: { type: 'string', 'ui:field': 'Secret' },
        },
      },
    },
    properties: {
      byRef: { $ref: '#/definitions/credential' },
      external: { $ref: 'https://example.com/schema.json' },
      env: {
        type: 'object',
        patternProperties: {
          '^SECRET_': { type: 'string', format: 'password' },
          '^[A-Z_]+$': { type: 'string' },
        },
      },
      freeForm: { type: 'object' },
      open: { type: 'object', additionalProperties: true },
      untypedItems: { type: 'array' },
      conditional: {
        type: 'object',
        properties: { mode: { type: 'string' } },
        if: { properties: { mode: { const: 'basic' } } },
        then: {
          properties: { password: { type: 'string', format: 'password' } },
        },
        else: {
          allOf: [{ properties: { token: { 'ui:widget': 'password' } } }],
        },
      },
      tree: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          child: { $ref: '#/properties/tree' },
        },
      },
    },
  };

  it('follows $ref, patternProperties and conditionals, and records nothing it cannot resolve', () => {
    let deep: any = { name: 'leaf' };
    for (let i = 0; i < 100; i++) {
      deep = { name: `n${i}`, child: deep };
    }
    const kept = recordableValues(page, {
      byRef: { user: 'ci', key: 'secret-ref' },
      external: 'secret-external',
      env: { SECRET_TOKEN: 'secret-pattern', LOG_LEVEL: 'info', lower: 'x' },
      freeForm: { anything: 'secret-free-form' },
      open: { extra: 'secret-open' },
      untypedItems: ['secret-untyped'],
      conditional: {
        mode: 'basic',
        password: 'secret-then',
        token: 'secret-else',
      },
      tree: deep,
    });
    expect(JSON.stringify(kept)).not.toMatch(/secret-/);
    expect(kept).toMatchObject({
      byRef: { user: 'ci' },
      env: { LOG_LEVEL: 'info' },
      freeForm: {},
      open: {},
      conditional: { mode: 'basic' },
    });
    expect(kept).not.toHaveProperty('external');
    expect(kept).not.toHaveProperty('untypedItems');
    expect((kept.tree as any).name).toBe('n99');
  });

  it('survives a $ref cycle and keys such as __proto__', () => {
    const cyclic = {
      definitions: {
        a: { $ref: '#/definitions/b' },
        b: { $ref: '#/definitions/a' },
      },
      properties: {
        loop: { $ref: '#/definitions/a' },
        name: { type: 'string' },
      },
    };
    const hostile = JSON.parse(
      '{"loop":"x","name":"n","__proto__":{"polluted":true},"constructor":"c"}',
    );
    const kept = recordableValues(cyclic, hostile);
    expect(kept).toEqual({ loop: 'x', name: 'n' });
    expect(({} as any).polluted).toBeUndefined();
  });
});

describe('parameterDefaults', () => {
  it('gives the declared defaults, never for a secret', () => {
    expect(
      parameterDefaults([
        ...parameters,
        {
          properties: {
            token: { type: 'string', format: 'password', default: 'dev' },
          },
        },
      ]),
    ).toEqual({ name: 'svc', vpnName: 'corp', replicas: 2 });
  });
});

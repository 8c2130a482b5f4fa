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

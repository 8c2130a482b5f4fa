import { createScaffoldContext, scaffoldHelpers } from './scaffoldContext';
import type { ScaffoldRecord } from './scaffoldRecord';
import {
  parseScaffoldRecord,
  stringifyScaffoldRecord,
} from './scaffoldRecordYaml';

const record: ScaffoldRecord = {
  schemaVersion: 1,
  template: {
    entityRef: 'template:default/node-http-service',
    source: 'file:///templates/node-http-service/template.yaml',
    revision: {
      location: 'file:///templates/node-http-service/versions/2.1.0',
      contentHash: `sha256:${'a'.repeat(64)}`,
    },
  },
  path: {
    entityRef: 'goldenpath:default/node-http-service',
    version: '2.1.0',
    title: 'Node.js HTTP service',
    guarantees: ['owner', 'ci'],
  },
  values: { name: 'orders', replicas: 2, nested: { a: [1, 'b'] } },
  context: {
    seed: '0123456789abcdef',
    scaffoldedAt: '2026-11-26T10:00:00.000Z',
  },
  files: [{ path: 'README.md', sha256: 'b'.repeat(64) }],
};

describe('scaffold record YAML', () => {
  it('reads back what it writes', () => {
    expect(parseScaffoldRecord(stringifyScaffoldRecord(record))).toEqual(
      record,
    );
  });

  it('names the file, line, column and field of a bad value', () => {
    const text = stringifyScaffoldRecord(record).replace(
      'version: 2.1.0',
      'version: ""',
    );
    const line = text.split('\n').findIndex(l => l.includes('version: ""')) + 1;
    expect(() => parseScaffoldRecord(text)).toThrow(
      new RegExp(
        `^\\.golden-paths/scaffold\\.yaml line ${line}, column 12: path\\.version: `,
      ),
    );
  });

  it('names the line of a YAML syntax error', () => {
    expect(() =>
      parseScaffoldRecord('schemaVersion: 1\ntemplate: [\n', 'x/scaffold.yaml'),
    ).toThrow(/^x\/scaffold\.yaml line \d+, column \d+: /);
  });

  it('refuses a record of an unknown schema version', () => {
    expect(() =>
      parseScaffoldRecord(
        stringifyScaffoldRecord(record).replace(
          'schemaVersion: 1',
          'schemaVersion: 2',
        ),
      ),
    ).toThrow(/line 4, column 16: schemaVersion: /);
  });
});

describe('scaffold context', () => {
  it('derives the same helpers from the same context, and others from another seed', () => {
    const context = createScaffoldContext(new Date('2026-11-26T10:00:00Z'));
    expect(scaffoldHelpers(context)).toEqual(scaffoldHelpers({ ...context }));
    expect(scaffoldHelpers(context)).toMatchObject({
      date: '2026-11-26',
      year: 2026,
      scaffoldedAt: '2026-11-26T10:00:00.000Z',
    });
    const other = createScaffoldContext(new Date('2026-11-26T10:00:00Z'));
    expect(other.seed).not.toBe(context.seed);
    expect(scaffoldHelpers(other).id).not.toBe(scaffoldHelpers(context).id);
    expect(scaffoldHelpers(context).uuid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

import { coreKindValidators, goldenPathKindValidator } from './kindValidators';
import { lintCatalogYaml } from './lintCatalogYaml';

const validators = [goldenPathKindValidator, ...coreKindValidators];

function lint(text: string, allowKinds?: string[]) {
  return lintCatalogYaml(text, { validators, allowKinds });
}

function brief(problems: Awaited<ReturnType<typeof lint>>) {
  return problems.map(
    p => `${p.line}:${p.column} ${p.message}${p.field ? ` (${p.field})` : ''}`,
  );
}

const validPath = `apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: node-http-service
spec:
  owner: group:default/platform-team
  lifecycle: supported
  category: service
  version: 2.1.0
  guarantees:
    - owner
    - ci
`;

const validComponent = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
spec:
  type: service
  lifecycle: production
  owner: payments-team
`;

describe('lintCatalogYaml', () => {
  it('reports nothing for a valid golden path and a valid component', async () => {
    const text = `${validPath}---
${validComponent}`;
    expect(await lint(text)).toEqual([]);
  });

  it.each([
    {
      where: 'the value of a bad field',
      from: 'lifecycle: supported',
      to: 'lifecycle: stable',
      problem:
        '7:14 must be one of supported, beta, deprecated; got "stable" (spec.lifecycle)',
    },
    {
      where: 'the offending list item',
      from: '    - ci\n',
      to: '    - ci\n    - uptime\n',
      problem: expect.stringMatching(
        /^13:7 must be one of .*got "uptime" \(spec\.guarantees\[2\]\)$/,
      ),
    },
    {
      where: 'the parent key when a required field is missing',
      from: '  owner: group:default/platform-team\n',
      to: '',
      problem: '5:1 spec.owner is required (spec.owner)',
    },
    {
      where: 'the key of an unknown field',
      from: '  version: 2.1.0\n',
      to: '  version: 2.1.0\n  verison: 2\n',
      problem: '10:3 unknown field "verison" in spec (spec.verison)',
    },
  ])('points at $where', async ({ from, to, problem }) => {
    const text = validPath.replace(from, to);
    expect(brief(await lint(text))).toEqual([problem]);
  });

  it('reports every document of a file, keeping positions per document', async () => {
    const text = `${validPath}---
${validComponent.replace('payments-api', 'bad name')}---
${validPath.replace('version: 2.1.0', 'version: two')}`;
    expect(brief(await lint(text))).toEqual([
      expect.stringMatching(
        /^17:9 must be a string that is sequences of .*; got "bad name" \(metadata\.name\)$/,
      ),
      '31:12 must be a semantic version such as 1.4.0; got "two" (spec.version)',
    ]);
  });

  it('reports a core kind error from catalog-model at its field', async () => {
    const text = validComponent.replace('  owner: payments-team\n', '');
    expect(brief(await lint(text))).toEqual([
      '5:1 spec.owner is required (spec.owner)',
    ]);
  });

  it('flags unknown kinds unless allowed', async () => {
    const text = `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec: {}
`;
    expect(brief(await lint(text))).toEqual([
      expect.stringMatching(
        /^2:7 unknown kind "Widget"; known kinds are GoldenPath, API, .* \(kind\)$/,
      ),
    ]);
    expect(await lint(text, ['Widget'])).toEqual([]);
  });

  it.each([
    ['a syntax error', 'kind: [Component\n', /^\d+:\d+ /],
    [
      'a duplicate key',
      `${validPath}kind: GoldenPath\n`,
      /^13:1 duplicate key "kind"/,
    ],
    ['a tab as indentation', 'metadata:\n\tname: x\n', /^2:1 .*[Tt]ab/],
    ['an empty file', '\n\n', /^1:1 file is empty/],
    ['a binary file', 'abc\u0000def', /^1:1 file is binary/],
  ])('survives %s with a clear message', async (_name, text, expected) => {
    const problems = brief(await lint(text));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(expected);
  });

  it('stops an alias bomb without expanding it', async () => {
    const lines = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const problems = brief(await lint(lines.join('\n')));
    expect(problems).toEqual([expect.stringMatching(/alias bomb/)]);
  });

  it('refuses text over the size limit', async () => {
    const problems = await lintCatalogYaml(`a: ${'x'.repeat(2048)}`, {
      validators,
      maxBytes: 1024,
    });
    expect(brief(problems)).toEqual([
      expect.stringMatching(/^1:1 file is larger than 1 KiB/),
    ]);
  });
});

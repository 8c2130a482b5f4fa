import { componentYaml, createTempDir } from '../__testUtils__';
import { MAX_FILE_BYTES, lintFile, lintFoundFile } from './lintFile';
import { catalogValidators } from '@golden-paths/golden-paths-common';

const options = { validators: catalogValidators };

describe('lintFile', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;

  beforeAll(async () => {
    dir = await createTempDir();
  });

  afterAll(async () => {
    await dir.cleanup();
  });

  async function lint(name: string, content: string | Buffer) {
    await dir.write({ [name]: content });
    return lintFile(dir.resolve(name), options);
  }

  function summary(problems: Awaited<ReturnType<typeof lintFile>>) {
    return problems.map(
      p =>
        `${p.line}:${p.column} ${p.message}${p.field ? ` (${p.field})` : ''}`,
    );
  }

  it('accepts a valid component', async () => {
    expect(await lint('valid.yaml', componentYaml())).toEqual([]);
  });

  it('reports a YAML syntax error with its position', async () => {
    const problems = await lint(
      'syntax.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: [Component\nmetadata: {}\n',
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ line: 3, severity: 'error' });
    expect(problems[0].message).toMatch(/flow sequence/i);
  });

  it('reports tabs used as indentation', async () => {
    const problems = await lint(
      'tabs.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n\tname: a\n',
    );
    expect(summary(problems)).toEqual([
      '4:1 Tabs are not allowed as indentation',
    ]);
  });

  it('reports a duplicate key at the second occurrence', async () => {
    const problems = await lint(
      'duplicate.yaml',
      componentYaml().replace('  name: artist-web\n', '  name: a\n  name: b\n'),
    );
    expect(summary(problems)).toEqual([
      '5:3 duplicate key "name"; each key may appear once in a map',
    ]);
  });

  it('refuses an alias bomb (billion laughs) without expanding it', async () => {
    const lines = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const prev = `*${names[i - 1]}`;
      lines.push(
        `${names[i]}: &${names[i]} [${Array(9).fill(prev).join(',')}]`,
      );
    }
    const problems = await lint('bomb.yaml', `${lines.join('\n')}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/alias bomb/);
    // At the alias that went past the limit: the 101st expansion.
    expect(problems[0]).toMatchObject({ line: 3, column: 8 });
  });

  it('refuses a file over 1 MiB without reading it', async () => {
    const problems = await lint(
      'large.yaml',
      `description: ${'a'.repeat(MAX_FILE_BYTES)}\n`,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^file is larger than 1 MiB/);
    expect(problems[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('accepts a file of exactly 1 MiB as far as size goes', async () => {
    const head = componentYaml();
    const padding = `# ${'x'.repeat(MAX_FILE_BYTES - head.length - 3)}\n`;
    const problems = await lint('exact.yaml', head + padding);
    expect(Buffer.byteLength(head + padding)).toBe(MAX_FILE_BYTES);
    expect(problems).toEqual([]);
  });

  it('reports a binary file', async () => {
    const problems = await lint(
      'binary.yaml',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
    );
    expect(summary(problems)).toEqual([
      '1:1 file is binary (it contains NUL bytes), not YAML text',
    ]);
  });

  it('reports text that is not UTF-8', async () => {
    const problems = await lint(
      'latin1.yaml',
      Buffer.from('description: caf\xe9\n', 'latin1'),
    );
    expect(summary(problems)).toEqual(['1:1 file is not valid UTF-8 text']);
  });

  it('reports an empty file', async () => {
    expect(summary(await lint('empty.yaml', ''))).toEqual([
      '1:1 file is empty; expected at least one entity',
    ]);
    expect(summary(await lint('blank.yaml', '\n  \n'))).toEqual([
      '1:1 file is empty; expected at least one entity',
    ]);
  });

  it('reports a file with only comments', async () => {
    expect(
      summary(await lint('comments.yaml', '# nothing\n---\n# here\n')),
    ).toEqual(['1:1 file has no YAML documents; expected at least one entity']);
  });

  it('ignores empty documents from stray document markers', async () => {
    expect(
      await lint('markers.yaml', `---\n${componentYaml()}---\n# end\n---\n`),
    ).toEqual([]);
  });

  it('checks every document of a multi-document file', async () => {
    const text = [
      componentYaml('first'),
      '---',
      componentYaml('second').replace('  owner: group:default/team-a\n', ''),
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Group',
      'metadata:',
      '  name: team-a',
      'spec:',
      '  type: team',
      '  children: [',
      '---',
      componentYaml('fourth').replace('lifecycle: production', 'lifecycle: ""'),
    ].join('\n');
    const problems = await lint('multi.yaml', text);
    expect(summary(problems)).toEqual([
      '15:1 spec.owner is required (spec.owner)',
      expect.stringMatching(/^27:1 Flow sequence .* end with a \]$/),
      '34:14 must NOT have fewer than 1 characters (spec.lifecycle)',
    ]);
    expect(problems.map(p => p.documentIndex)).toEqual([1, 2, 3]);
  });

  it('reports a document that is not a map', async () => {
    expect(summary(await lint('list.yaml', '- a\n- b\n'))).toEqual([
      '1:1 a catalog document must be a map with apiVersion, kind, metadata and spec',
    ]);
  });

  it('refuses nesting deep enough to exhaust the parser', async () => {
    const flow = await lint(
      'flow.yaml',
      `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    );
    expect(flow).toHaveLength(1);
    expect(flow[0].message).toMatch(/^nesting is deeper than 100 levels/);

    const block = Array.from(
      { length: 300 },
      (_, i) => `${' '.repeat(i)}k${i}:`,
    ).join('\n');
    const blockProblems = await lint('block.yaml', `${block} x\n`);
    expect(summary(blockProblems)).toEqual([
      '101:1 nesting is deeper than 100 levels; catalog files are not this deep',
    ]);
  });

  it('reports an unknown kind unless it is allowed', async () => {
    const text =
      'apiVersion: acme.com/v1\nkind: Widget\nmetadata:\n  name: w\n';
    await dir.write({ 'widget.yaml': text });
    expect(
      summary(await lintFile(dir.resolve('widget.yaml'), options)),
    ).toEqual([
      expect.stringMatching(/^2:7 unknown kind "Widget"; .* \(kind\)$/),
    ]);
    expect(
      await lintFile(dir.resolve('widget.yaml'), {
        ...options,
        allowKinds: ['widget'],
      }),
    ).toEqual([]);
  });

  describe('for a file a directory walk found', () => {
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n';

    it('leaves a file without catalog documents alone', async () => {
      await dir.write({ 'found/deployment.yaml': deployment });
      expect(
        await lintFoundFile(dir.resolve('found/deployment.yaml'), options),
      ).toEqual({ catalogFile: false });
      // Named directly, the same file is linted in full.
      expect(
        summary(await lintFile(dir.resolve('found/deployment.yaml'), options)),
      ).toEqual([expect.stringMatching(/^2:7 unknown kind "Deployment"/)]);
    });

    it('lints the catalog documents and drops problems of the others', async () => {
      await dir.write({
        'found/mixed.yaml': `${deployment}---\n${componentYaml().replace(
          '  owner: group:default/team-a\n',
          '',
        )}`,
      });
      const result = await lintFoundFile(
        dir.resolve('found/mixed.yaml'),
        options,
      );
      expect(result.catalogFile).toBe(true);
      expect(
        result.catalogFile && result.problems.map(p => p.documentIndex),
      ).toEqual([1]);
    });

    it('still reports files it cannot read as YAML', async () => {
      await dir.write({
        'found/broken.yaml': `${deployment}spec: [\n`,
        'found/empty.yaml': '',
        'found/binary.yaml': Buffer.from([0, 1, 2]),
      });
      for (const name of ['broken.yaml', 'empty.yaml', 'binary.yaml']) {
        const result = await lintFoundFile(dir.resolve('found', name), options);
        expect(result).toEqual({
          catalogFile: true,
          problems: [expect.objectContaining({ severity: 'error' })],
        });
      }
    });

    it('lints a document of another group whose kind is allowed', async () => {
      await dir.write({
        'found/widget.yaml':
          'apiVersion: acme.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
      });
      expect(
        await lintFoundFile(dir.resolve('found/widget.yaml'), {
          ...options,
          allowKinds: ['Widget'],
        }),
      ).toEqual({ catalogFile: true, problems: [] });
    });
  });

  it('turns a missing file into a problem instead of throwing', async () => {
    expect(summary(await lintFile(dir.resolve('nope.yaml'), options))).toEqual([
      '1:1 no such file or directory',
    ]);
  });

  it('turns a failing validator into a problem instead of throwing', async () => {
    await dir.write({ 'boom.yaml': componentYaml() });
    const problems = await lintFile(dir.resolve('boom.yaml'), {
      validators: [
        {
          kind: 'Component',
          validate: async () => {
            throw new Error('validator exploded');
          },
        },
      ],
    });
    expect(summary(problems)).toEqual([
      '1:1 could not lint the file: validator exploded',
    ]);
  });
});

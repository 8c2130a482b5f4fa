import { parseYamlDocuments } from './parseYamlDocuments';

function messages(text: string) {
  const file = parseYamlDocuments(text);
  return [...file.problems, ...file.documents.flatMap(d => d.problems)].map(
    p => `${p.line}:${p.column} ${p.message}`,
  );
}

describe('parseYamlDocuments', () => {
  it('skips the empty documents of stray document markers', () => {
    const file = parseYamlDocuments('---\na: 1\n---\n# only a comment\n---\n');
    expect(file.problems).toEqual([]);
    expect(file.documents.map(d => d.value)).toEqual([{ a: 1 }]);
  });

  it('keeps an explicit null document', () => {
    const file = parseYamlDocuments('a: 1\n---\n~\n');
    expect(file.documents.map(d => d.value)).toEqual([{ a: 1 }, null]);
  });

  it('reports a file of comments as having no documents', () => {
    expect(messages('# nothing\n---\n# here\n')).toEqual([
      '1:1 file has no YAML documents; expected at least one entity',
    ]);
  });

  it('refuses nesting deep enough to exhaust the stack, before parsing', () => {
    expect(messages(`a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`)).toEqual([
      '1:1 nesting is deeper than 100 levels; catalog files are not this deep',
    ]);
    const block = Array.from(
      { length: 300 },
      (_, i) => `${' '.repeat(i)}k${i}:`,
    ).join('\n');
    expect(messages(`${block} x\n`)).toEqual([
      '101:1 nesting is deeper than 100 levels; catalog files are not this deep',
    ]);
    const sequences = `${'- '.repeat(150)}x\n`;
    expect(messages(sequences)).toEqual([
      '1:1 nesting is deeper than 100 levels; catalog files are not this deep',
    ]);
  });

  it('accepts ordinary nesting and brackets inside strings', () => {
    const text = [
      'a:',
      '  b:',
      '    - c: [1, [2, {d: 3}]]',
      '      e: "[[[ not nesting"',
      '',
    ].join('\n');
    expect(messages(text)).toEqual([]);
  });

  it('reports a repeated syntax error once', () => {
    const problems = messages('a: [\nb: [\nc: [\n');
    expect(new Set(problems).size).toBe(problems.length);
    expect(problems.length).toBeLessThanOrEqual(21);
  });
});

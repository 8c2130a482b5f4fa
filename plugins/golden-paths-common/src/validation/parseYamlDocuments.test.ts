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

  it('reports compact mappings nested thousands of times on one line instead of throwing', () => {
    // Found by npm run fuzz: the library recursed until the stack ran out.
    expect(messages(`${'a: '.repeat(50_000)}}x\n`)).toEqual([
      '1:1 nesting is deeper than 100 levels; catalog files are not this deep',
    ]);
  });

  it('refuses map keys that are maps, and names duplicate keys', () => {
    expect(messages(`${'? '.repeat(99)}x\n`)).toEqual([
      '1:3 a map key is itself a map or a list; keys must be plain text',
    ]);
    expect(messages('a: 1\nb: 2\na: 3\n')).toEqual([
      '3:1 duplicate key "a"; each key may appear once in a map',
    ]);
  });

  it('counts every key and value read, aliases each time they are used', () => {
    const file = parseYamlDocuments(
      `a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\n${Array.from(
        { length: 50 },
        (_, i) => `k${i}: *a`,
      ).join('\n')}\n`,
      { maxNodes: 300 },
    );
    expect(file.documents[0].problems.map(p => p.message)).toEqual([
      'more than 300 keys and values (aliases counted each time they are used); the file is too big to read',
    ]);
  });

  it('applies merge keys only when asked to, and keeps __proto__ as data', () => {
    const text =
      'base: &base { a: 1 }\njob:\n  <<: *base\n  b: 2\n__proto__: { polluted: true }\n';
    const merged = parseYamlDocuments(text, { merge: true }).documents[0]
      .value as any;
    expect(merged.job).toEqual({ a: 1, b: 2 });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged.polluted).toBeUndefined();
    expect(Object.keys(merged)).toContain('__proto__');
    const plain = parseYamlDocuments(text).documents[0].value as any;
    expect(plain.job).toEqual({ '<<': { a: 1 }, b: 2 });
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

import { yamlCursorContext } from './yamlCursorContext';

/** The context at the `¦` in a text. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('¦');
  const text = textWithCursor.replace('¦', '');
  const context = yamlCursorContext(text, offset);
  return context && { ...context, typed: text.slice(context.from, offset) };
}

const head = `apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: x
`;

describe('yamlCursorContext', () => {
  it('finds top-level keys on an empty line', () => {
    expect(at('apiVersion: a\n¦')).toMatchObject({
      kind: 'key',
      path: [],
      prefix: '',
      siblings: ['apiVersion'],
    });
  });

  it('finds a partly typed top-level key and where it starts', () => {
    expect(at('apiVersion: a\nki¦')).toMatchObject({
      kind: 'key',
      path: [],
      prefix: 'ki',
      typed: 'ki',
    });
  });

  it('lists siblings before and after the cursor', () => {
    expect(at(`${head}¦\nspec:\n  owner: a\n`)).toMatchObject({
      kind: 'key',
      path: [],
      siblings: ['apiVersion', 'kind', 'metadata', 'spec'],
    });
  });

  it('finds keys of a mapping opened on the line before', () => {
    expect(at(`${head}spec:\n  ¦`)).toMatchObject({
      kind: 'key',
      path: ['spec'],
      siblings: [],
    });
  });

  it('finds keys of a mapping next to its siblings', () => {
    expect(
      at(`${head}spec:\n  owner: a\n  lifecycle: beta\n  ca¦`),
    ).toMatchObject({
      kind: 'key',
      path: ['spec'],
      prefix: 'ca',
      siblings: ['owner', 'lifecycle'],
    });
  });

  it('climbs back out of nested mappings by indentation', () => {
    const text = `${head}  ti¦\nspec:\n  owner: a\n`;
    expect(at(text)).toMatchObject({
      kind: 'key',
      path: ['metadata'],
      siblings: ['name'],
    });
    expect(at(`${head}spec:\n  stack:\n    language: Go\n  ¦`)).toMatchObject({
      kind: 'key',
      path: ['spec'],
      siblings: ['stack'],
    });
    expect(at(`${head}spec:\n  stack:\n    language: Go\n    ¦`)).toMatchObject(
      { kind: 'key', path: ['spec', 'stack'], siblings: ['language'] },
    );
  });

  it('finds the value of a key', () => {
    expect(at(`${head}spec:\n  lifecycle: ¦`)).toMatchObject({
      kind: 'value',
      path: ['spec', 'lifecycle'],
      prefix: '',
    });
    expect(at(`${head}spec:\n  owner: a\n  lifecycle: sup¦`)).toMatchObject({
      kind: 'value',
      path: ['spec', 'lifecycle'],
      prefix: 'sup',
      typed: 'sup',
    });
    expect(at('kind: Gold¦')).toMatchObject({
      kind: 'value',
      path: ['kind'],
      prefix: 'Gold',
    });
  });

  it('keeps values containing colons whole', () => {
    expect(at(`${head}spec:\n  owner: group:default/pl¦`)).toMatchObject({
      kind: 'value',
      path: ['spec', 'owner'],
      prefix: 'group:default/pl',
    });
  });

  it('starts a value after the quote', () => {
    expect(at(`spec:\n  lifecycle: "be¦`)).toMatchObject({
      kind: 'value',
      prefix: 'be',
      typed: 'be',
    });
  });

  it('counts sequence items', () => {
    const text = `${head}spec:\n  guarantees:\n    - owner\n    - ci\n    - ¦`;
    expect(at(text)).toMatchObject({
      kind: 'item',
      path: ['spec', 'guarantees', 2],
      prefix: '',
      flow: false,
    });
    expect(at(`spec:\n  guarantees:\n    - sb¦`)).toMatchObject({
      kind: 'item',
      path: ['spec', 'guarantees', 0],
      prefix: 'sb',
      typed: 'sb',
    });
  });

  it('understands sequences indented like their key', () => {
    expect(at(`spec:\n  guarantees:\n  - owner\n  - ¦`)).toMatchObject({
      kind: 'item',
      path: ['spec', 'guarantees', 1],
    });
    expect(at(`spec:\n  guarantees:\n  - owner\n  ¦`)).toMatchObject({
      kind: 'key',
      path: ['spec'],
      siblings: ['guarantees'],
    });
  });

  it('finds keys inside mapping items of a sequence', () => {
    const steps = `spec:\n  steps:\n    - title: One\n      description: |\n        Text: with colon\n\n        more\n`;
    expect(at(`${steps}      ¦`)).toMatchObject({
      kind: 'key',
      path: ['spec', 'steps', 0],
      siblings: ['title', 'description'],
    });
    expect(at(`${steps}    - ¦`)).toMatchObject({
      kind: 'item',
      path: ['spec', 'steps', 1],
    });
    expect(at(`${steps}    - title: a\n      de¦`)).toMatchObject({
      kind: 'key',
      path: ['spec', 'steps', 1],
      siblings: ['title'],
    });
    expect(at(`${steps}  ¦`)).toMatchObject({ kind: 'key', path: ['spec'] });
  });

  it('finds items of a flow sequence', () => {
    expect(at(`spec:\n  guarantees: [owner, ci, sb¦`)).toMatchObject({
      kind: 'item',
      path: ['spec', 'guarantees', 2],
      prefix: 'sb',
      typed: 'sb',
      flow: true,
    });
    expect(at(`spec:\n  guarantees: [¦`)).toMatchObject({
      kind: 'item',
      path: ['spec', 'guarantees', 0],
      prefix: '',
    });
  });

  it('starts again at each document', () => {
    expect(at(`${head}spec:\n  owner: a\n---\n¦`)).toMatchObject({
      kind: 'key',
      path: [],
      siblings: [],
    });
  });

  it('ignores comments and blank lines', () => {
    expect(
      at(`spec:\n  # the owner\n\n  owner: a  # team\n\n  ¦`),
    ).toMatchObject({ kind: 'key', path: ['spec'], siblings: ['owner'] });
  });

  it('offers nothing where nothing fits', () => {
    // Inside a block scalar.
    expect(
      at(`spec:\n  steps:\n    - description: |\n        ¦`),
    ).toBeUndefined();
    // Under a key that already has a value.
    expect(at(`spec:\n  owner: a\n    ¦`)).toBeUndefined();
    // In a comment.
    expect(at(`spec:\n  # lif¦`)).toBeUndefined();
    // A colon or a dash with no space after it yet.
    expect(at(`spec:\n  lifecycle:¦`)).toBeUndefined();
    expect(at(`spec:\n  guarantees:\n    -¦`)).toBeUndefined();
    // A flow mapping.
    expect(at(`spec:\n  stack: { la¦`)).toBeUndefined();
  });
});

import fc from 'fast-check';

/**
 * The pieces hostile YAML is made of: every indicator, node property,
 * scalar style and document marker, and the whitespace that changes their
 * meaning.
 */
const YAML_PIECES = [
  '? ',
  '- ',
  ': ',
  ':',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '&b ',
  '*a',
  '*b',
  '!t ',
  '!!map ',
  '!!str ',
  '"',
  "'",
  '\\',
  '|',
  '>-',
  '#',
  '<<: ',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '\n',
  '\n  ',
  '  ',
  '\t',
  '\r\n',
  'key',
  'x',
  '1',
  '~',
  'null',
  '\u00e9',
  '\ufeff',
];

/** Text built from YAML's own pieces, a few hundred of them. */
export const yamlPieces = fc
  .array(fc.constantFrom(...YAML_PIECES), { maxLength: 400 })
  .map(pieces => pieces.join(''));

/**
 * One short unit repeated up to `maxBytes`: the shape of every attack that
 * made the yaml library super-linear (nested keys, flat maps, aliases).
 */
export function repeatedUnit(maxBytes: number) {
  return fc
    .tuple(
      fc
        .array(fc.constantFrom(...YAML_PIECES), { minLength: 1, maxLength: 6 })
        .map(pieces => pieces.join('')),
      fc.oneof(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: Math.floor(maxBytes / 4), max: maxBytes }),
      ),
      fc.boolean(),
    )
    .map(([unit, bytes, numbered]) => {
      const count = Math.max(1, Math.floor(bytes / (unit.length + 6)));
      const units = numbered
        ? Array.from({ length: count }, (_, i) => `${unit}${i}`)
        : Array(count).fill(unit);
      return units.join('').slice(0, maxBytes);
    });
}

/**
 * One piece repeated a few hundred or thousand times, then another:
 * nesting of one kind, deep enough to matter.
 */
export const nestedPieces = fc
  .tuple(
    fc.constantFrom(...YAML_PIECES),
    fc.integer({ min: 50, max: 3000 }),
    fc.constantFrom(...YAML_PIECES),
  )
  .map(([piece, times, tail]) => `${piece.repeat(times)}${tail}x\n`);

/** A valid catalog entity with pieces of YAML dropped in at random places. */
export const mutatedEntity = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...YAML_PIECES), fc.nat(8)), {
      maxLength: 12,
    }),
  )
  .map(([edits]) => {
    let text = `apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: node-http-service
  annotations: { a: b }
spec:
  owner: group:default/platform-team
  lifecycle: supported
  tags: &tags [a, b]
  other: *tags
  steps:
    - title: Scaffold
      description: |
        Text
`;
    for (const [at, piece, times] of edits) {
      const position = at % (text.length + 1);
      text =
        text.slice(0, position) +
        piece.repeat(times + 1) +
        text.slice(position);
    }
    return text;
  });

/** Any text at all, including lone surrogates and control characters. */
export const anyText = fc.string({
  unit: 'binary',
  maxLength: 2000,
});

/** Every kind of input above, up to `maxBytes`. */
export function hostileYaml(maxBytes: number) {
  return fc.oneof(
    { weight: 3, arbitrary: yamlPieces },
    { weight: 3, arbitrary: repeatedUnit(maxBytes) },
    { weight: 2, arbitrary: nestedPieces },
    { weight: 2, arbitrary: mutatedEntity },
    { weight: 1, arbitrary: anyText },
  );
}

import {
  type Completion,
  CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import {
  GOLDEN_PATH_CATEGORIES,
  GOLDEN_PATH_GUARANTEES,
} from '@golden-paths/golden-paths-common';
import { STARTER_YAML } from '../starterYaml';
import { schemaKeys } from '../yaml/goldenPathSchema';
import {
  goldenPathCompletion,
  goldenPathCompletionSource,
} from './yamlCompletion';
import { yamlLanguage } from './yamlLanguage';

function stateAt(textWithCursor: string) {
  const pos = textWithCursor.indexOf('¦');
  return EditorState.create({
    doc: textWithCursor.replace('¦', ''),
    selection: { anchor: pos },
    extensions: [yamlLanguage, goldenPathCompletion()],
  });
}

function complete(textWithCursor: string, explicit = false) {
  const state = stateAt(textWithCursor);
  const pos = state.selection.main.head;
  return goldenPathCompletionSource(
    new CompletionContext(state, pos, explicit),
  ) as CompletionResult | null;
}

const labels = (result: CompletionResult | null) =>
  result?.options.map((option: Completion) => option.label);

/** The keys the kind's schema gives a mapping, required first. */
const keysOf = (path: Array<string | number>) =>
  schemaKeys(path).map(key => key.name);

const head = `apiVersion: golden-paths.dev/v1alpha1
kind: GoldenPath
metadata:
  name: my-path
`;

describe('goldenPathCompletionSource', () => {
  it('offers the lifecycle values after "lifecycle: "', () => {
    const result = complete(`${head}spec:\n  lifecycle: ¦`);
    expect(labels(result)).toEqual(['supported', 'beta', 'deprecated']);
    expect(result?.options[0].type).toBe('enum');
  });

  it('replaces what is typed of a value', () => {
    const text = `${head}spec:\n  category: net¦`;
    const result = complete(text);
    expect(labels(result)).toEqual(GOLDEN_PATH_CATEGORIES);
    expect(result?.from).toBe(text.indexOf('net'));
  });

  it('offers the keys of spec under "spec:"', () => {
    const result = complete(`${head}spec:\n  ¦`, true);
    expect(labels(result)).toEqual(keysOf(['spec']));
    expect(result?.options[0]).toMatchObject({
      type: 'property',
      detail: 'required',
    });
  });

  it('leaves out keys the mapping already has', () => {
    const result = complete(`${head}spec:\n  owner: a\n  l¦\n  version: 1.0.0`);
    expect(labels(result)).not.toContain('owner');
    expect(labels(result)).not.toContain('version');
    expect(labels(result)).toContain('lifecycle');
  });

  it('offers top-level, metadata and stack keys', () => {
    expect(labels(complete('¦', true))).toEqual(keysOf([]));
    // All but the name, which the document already has.
    expect(labels(complete(`${head}  t¦`))).toEqual(
      keysOf(['metadata']).filter(key => key !== 'name'),
    );
    expect(labels(complete(`${head}spec:\n  stack:\n    l¦`))).toEqual(
      keysOf(['spec', 'stack']),
    );
  });

  it('waits for a letter or Ctrl-Space before offering keys', () => {
    expect(complete(`${head}spec:\n  ¦`)).toBeNull();
  });

  it('offers apiVersion and kind values', () => {
    expect(labels(complete('apiVersion: ¦'))).toEqual([
      'golden-paths.dev/v1alpha1',
    ]);
    expect(
      labels(complete('apiVersion: golden-paths.dev/v1alpha1\nkind: ¦')),
    ).toEqual(['GoldenPath']);
  });

  it('offers guarantee ids with their titles as sequence items', () => {
    const result = complete(
      `${head}spec:\n  guarantees:\n    - owner\n    - ¦`,
    );
    expect(labels(result)).toEqual(GOLDEN_PATH_GUARANTEES.map(g => g.id));
    expect(result?.options.find(o => o.label === 'sbom')?.detail).toBe('SBOM');
    expect(
      labels(complete(`${head}spec:\n  guarantees: [owner, c¦`)),
    ).toContain('cost-labels');
  });

  it('offers the keys of a step after "- "', () => {
    expect(labels(complete(`${head}spec:\n  steps:\n    - ¦`))).toEqual([
      'title',
      'description',
    ]);
  });

  it('suggests examples where any value is allowed', () => {
    const result = complete(`${head}spec:\n  owner: ¦`);
    expect(result?.options).toEqual([
      expect.objectContaining({
        label: 'group:default/platform-team',
        type: 'text',
      }),
    ]);
  });

  it('stays silent in documents of other kinds', () => {
    expect(
      complete(
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nspec:\n  lifecycle: ¦',
      ),
    ).toBeNull();
    expect(
      complete(`${STARTER_YAML}---\nkind: Component\nspec:\n  l¦`, true),
    ).toBeNull();
  });

  it('is the autocomplete language data of the YAML language', () => {
    const state = stateAt(`${head}spec:\n  lifecycle: ¦`);
    expect(
      state.languageDataAt('autocomplete', state.selection.main.head),
    ).toContain(goldenPathCompletionSource);
  });

  it('inserts keys with room for their value', () => {
    const pick = (textWithCursor: string, label: string) => {
      const state = stateAt(textWithCursor);
      const pos = state.selection.main.head;
      const result = goldenPathCompletionSource(
        new CompletionContext(state, pos, true),
      ) as CompletionResult;
      const option = result.options.find(o => o.label === label)!;
      if (typeof option.apply !== 'function') {
        throw new Error(`${label} has no apply function`);
      }
      const view = new EditorView({ state });
      option.apply(view, option, result.from, pos);
      const doc = view.state.doc.toString();
      view.destroy();
      return doc;
    };
    expect(pick(`${head}spec:\n  st¦`, 'stack')).toBe(
      `${head}spec:\n  stack:\n    `,
    );
    expect(pick(`${head}spec:\n  g¦`, 'guarantees')).toBe(
      `${head}spec:\n  guarantees:\n    - `,
    );
    expect(pick(`${head}spec:\n  lif¦`, 'lifecycle')).toBe(
      `${head}spec:\n  lifecycle: `,
    );
    expect(pick(`${head}spec:\n  steps:\n    - t¦`, 'title')).toBe(
      `${head}spec:\n  steps:\n    - title: `,
    );
  });
});

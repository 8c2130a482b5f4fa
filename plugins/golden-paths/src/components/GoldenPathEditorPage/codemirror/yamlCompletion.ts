import {
  type Completion,
  type CompletionContext,
  type CompletionResult,
  insertCompletionText,
  pickedCompletion,
  startCompletion,
} from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { GOLDEN_PATH_KIND } from '@golden-paths/golden-paths-common';
import {
  type SchemaKey,
  type SchemaValue,
  schemaAt,
  schemaKeys,
  schemaValues,
} from '../yaml/goldenPathSchema';
import { documentKindAt } from '../yaml/documentKindAt';
import { type YamlPath, yamlCursorContext } from '../yaml/yamlCursorContext';
import { yamlLanguage } from './yamlLanguage';

/** What the key's value starts with once the key is picked. */
function keyText(key: SchemaKey, column: number): string {
  const childIndent = ' '.repeat(column + 2);
  if (key.type === 'object') {
    return `${key.name}:\n${childIndent}`;
  }
  if (key.type === 'array') {
    return `${key.name}:\n${childIndent}- `;
  }
  return `${key.name}: `;
}

function keyOption(key: SchemaKey, column: number): Completion {
  const text = keyText(key, column);
  return {
    label: key.name,
    type: 'property',
    detail: key.required ? 'required' : key.type,
    info: key.description,
    boost: key.required ? 1 : 0,
    apply: (
      view: EditorView,
      completion: Completion,
      from: number,
      to: number,
    ) => {
      view.dispatch({
        ...insertCompletionText(view.state, text, from, to),
        annotations: pickedCompletion.of(completion),
      });
      // Straight on to the values, as after typing "lifecycle: " by hand.
      if (key.hasValues) {
        startCompletion(view);
      }
    },
  };
}

function valueOption(value: SchemaValue): Completion {
  return {
    label: value.value,
    type: value.source === 'enum' ? 'enum' : 'text',
    detail: value.detail,
    info: value.description,
    boost: value.source === 'enum' ? 0 : -1,
  };
}

function keyOptions(
  path: YamlPath,
  column: number,
  siblings: string[] = [],
): Completion[] {
  return schemaKeys(path)
    .filter(key => !siblings.includes(key.name))
    .map(key => keyOption(key, column));
}

function isGoldenPath(kind: string | undefined): boolean {
  return (
    kind === undefined ||
    kind.toLocaleLowerCase('en-US') ===
      GOLDEN_PATH_KIND.toLocaleLowerCase('en-US')
  );
}

/**
 * Completes GoldenPath YAML from the kind's JSON Schema: the keys of the
 * mapping at the cursor, enum values (lifecycle, category, guarantees, ...)
 * and example values. Stays silent in documents of other kinds.
 */
export function goldenPathCompletionSource(
  context: CompletionContext,
): CompletionResult | null {
  const text = context.state.doc.toString();
  const cursor = yamlCursorContext(text, context.pos);
  if (!cursor) {
    return null;
  }
  const completingKind =
    cursor.kind === 'value' &&
    cursor.path.length === 1 &&
    cursor.path[0] === 'kind';
  if (!completingKind && !isGoldenPath(documentKindAt(text, context.pos))) {
    return null;
  }
  if (cursor.kind === 'key' && cursor.prefix === '' && !context.explicit) {
    return null;
  }
  const column = cursor.from - context.state.doc.lineAt(cursor.from).from;

  let options: Completion[];
  if (cursor.kind === 'key') {
    options = keyOptions(cursor.path, column, cursor.siblings);
  } else if (cursor.kind === 'value') {
    options = schemaValues(cursor.path).map(valueOption);
  } else {
    const item = schemaAt(cursor.path);
    options =
      item?.properties && !cursor.flow
        ? keyOptions(cursor.path, column)
        : schemaValues(cursor.path).map(valueOption);
  }
  if (options.length === 0) {
    return null;
  }
  return {
    from: cursor.from,
    options,
    validFor: cursor.kind === 'value' ? /^[\w./:-]*$/ : /^[\w.-]*$/,
  };
}

/** Schema-aware completion for the YAML language of the editor. */
export function goldenPathCompletion(): Extension {
  return yamlLanguage.data.of({ autocomplete: goldenPathCompletionSource });
}

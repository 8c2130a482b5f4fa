import {
  Document,
  LineCounter,
  Node as YamlNode,
  isMap,
  isScalar,
  isSeq,
} from 'yaml';
import type { DocumentPath, YamlProblem } from './types';
import { DEFAULT_YAML_LIMITS, type YamlLimits } from './yamlLimits';
import { lineExceedingDepth } from './yamlNesting';
import { composeYamlDocuments } from './composeYamlDocuments';
import { type YamlBudget, YamlValueError, yamlToValue } from './yamlToValue';

/**
 * A range in the text; lines and columns start at 1.
 *
 * @public
 */
export interface YamlRange {
  /** The line the range starts on. */
  line: number;
  /** The column of the range's first character. */
  column: number;
  /** The line the range ends on. */
  endLine: number;
  /** The column just past the range's last character. */
  endColumn: number;
}

/**
 * One document of a YAML file, with a way to find where a value was written.
 *
 * @public
 */
export interface ParsedYamlDocument {
  /** Zero-based index of the document in the file. */
  index: number;
  /** The document as plain data; undefined when it could not be read. */
  value: unknown;
  /** Syntax problems of this document. */
  problems: YamlProblem[];
  /**
   * The range of the node at `path`, or of its nearest ancestor present in
   * the text. With `atKey`, the range of the map key instead of its value.
   */
  locate(path: DocumentPath, options?: { atKey?: boolean }): YamlRange;
}

/**
 * The result of {@link parseYamlDocuments}.
 *
 * @public
 */
export interface ParsedYamlFile {
  /** Documents with content; empty documents (a stray `---`) are skipped. */
  documents: ParsedYamlDocument[];
  /** Problems of the file as a whole (too large, binary, no documents). */
  problems: YamlProblem[];
}

function rangeOf(
  lineCounter: LineCounter,
  start: number,
  end: number,
): YamlRange {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return {
    line: from.line,
    column: from.col,
    endLine: to.line,
    endColumn: to.col,
  };
}

function fileProblem(message: string): YamlProblem {
  return {
    message,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
  };
}

function findNode(
  doc: Document,
  path: DocumentPath,
  atKey: boolean,
): YamlNode | undefined {
  let node: unknown = doc.contents;
  let found: YamlNode | undefined = (doc.contents as YamlNode) ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        item => isScalar(item.key) && String(item.key.value) === `${segment}`,
      );
      if (!pair) {
        return found;
      }
      if (last && atKey && pair.key) {
        return pair.key as YamlNode;
      }
      // A key with no value (`owner:`) is located at the key.
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) {
        return found;
      }
      node = item;
    } else {
      return found;
    }
    if (node && typeof node === 'object' && 'range' in node) {
      found = node as YamlNode;
    }
  }
  return found;
}

/** Syntax problems reported per document before the rest are summarised. */
const MAX_SYNTAX_PROBLEMS = 20;

/**
 * A document with nothing in it: a file's trailing `---`, or a `---` followed
 * only by comments. The yaml library gives those an empty plain scalar, not
 * null; an explicit `~` or `null` is content and stays.
 */
function isEmptyDocument(doc: Document): boolean {
  const contents = doc.contents;
  return (
    contents === null ||
    (isScalar(contents) &&
      contents.value === null &&
      contents.source === '' &&
      !contents.tag &&
      !contents.anchor)
  );
}

function textBytes(text: string): number {
  return typeof TextEncoder !== 'undefined'
    ? new TextEncoder().encode(text).length
    : text.length;
}

/**
 * Parses every document of a YAML text, keeping positions so that problems
 * can name the line and column of the node they are about. The one way
 * Golden Paths reads YAML it did not write: every limit of
 * {@link YamlLimits} holds, so any text costs at most about linear time in
 * its size. Never throws: syntax errors, duplicate keys, keys that are
 * maps, tabs, alias bombs, too deep, too many values, too slow, oversized
 * and binary input come back as problems.
 *
 * @public
 */
export function parseYamlDocuments(
  text: string,
  limits: YamlLimits = {},
): ParsedYamlFile {
  const started = Date.now();
  const { maxBytes, maxDepth, maxNodes, maxAliasCount, maxMillis, merge } = {
    ...DEFAULT_YAML_LIMITS,
    ...limits,
  };
  if (textBytes(text) > maxBytes) {
    return {
      documents: [],
      problems: [
        fileProblem(
          `file is larger than ${Math.round(
            maxBytes / 1024,
          )} KiB, the most that is read`,
        ),
      ],
    };
  }
  if (text.includes('\u0000')) {
    return {
      documents: [],
      problems: [fileProblem('file is binary, not YAML text')],
    };
  }
  if (text.trim() === '') {
    return {
      documents: [],
      problems: [fileProblem('file is empty; expected at least one entity')],
    };
  }

  const tooDeepAt = lineExceedingDepth(text, maxDepth);
  if (tooDeepAt > 0) {
    return {
      documents: [],
      problems: [
        {
          ...fileProblem(
            `nesting is deeper than ${maxDepth} levels; catalog files are not this deep`,
          ),
          line: tooDeepAt,
          endLine: tooDeepAt,
        },
      ],
    };
  }

  const lineCounter = new LineCounter();
  const deadline = started + maxMillis;
  let composed: ReturnType<typeof composeYamlDocuments>;
  try {
    composed = composeYamlDocuments(text, { lineCounter, deadline });
  } catch (error) {
    // The library recurses per level: nesting the check above could not
    // see (say, thousands of `a: ` on one line) ends in a stack overflow.
    return {
      documents: [],
      problems: [
        fileProblem(
          error instanceof RangeError
            ? `nesting is deeper than ${maxDepth} levels; catalog files are not this deep`
            : `could not read the file: ${(error as Error).message}`,
        ),
      ],
    };
  }
  const { documents: docs, stoppedAt } = composed;
  const problems: YamlProblem[] = [];
  if (stoppedAt !== undefined) {
    const at = rangeOf(lineCounter, stoppedAt, stoppedAt);
    return {
      documents: [],
      problems: [
        {
          ...fileProblem(
            `reading took longer than ${maxMillis} ms; the file is too complex to read`,
          ),
          ...at,
        },
      ],
    };
  }
  const documents: ParsedYamlDocument[] = [];

  const budget: YamlBudget = {
    nodesLeft: maxNodes,
    maxNodes,
    maxMillis,
    deadline,
  };
  docs.forEach((doc, index) => {
    const docProblems: YamlProblem[] = [];
    const seenErrors = new Set<string>();
    for (const error of doc.errors) {
      const message = /maximum call stack/i.test(error.message)
        ? 'the document is nested too deeply to read'
        : error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
      const range = rangeOf(lineCounter, error.pos[0], error.pos[1]);
      // Hostile input (say, thousands of unclosed brackets) makes the parser
      // repeat one error at one place; report it once, and only the first few.
      const key = `${range.line}:${range.column}:${message}`;
      if (seenErrors.has(key)) {
        continue;
      }
      seenErrors.add(key);
      if (docProblems.length === MAX_SYNTAX_PROBLEMS) {
        docProblems.push({
          message: 'more syntax errors follow; fix the ones above first',
          ...range,
          documentIndex: index,
          severity: 'error',
        });
        break;
      }
      docProblems.push({
        message,
        ...range,
        documentIndex: index,
        severity: 'error',
      });
    }
    if (isEmptyDocument(doc) && docProblems.length === 0) {
      return;
    }
    let value: unknown = undefined;
    if (docProblems.length === 0) {
      try {
        value = yamlToValue(doc, { budget, maxDepth, maxAliasCount, merge });
      } catch (error) {
        const offset = error instanceof YamlValueError ? error.offset : 0;
        docProblems.push({
          message:
            error instanceof YamlValueError
              ? error.message
              : `could not read the document: ${(error as Error).message}`,
          ...rangeOf(lineCounter, offset, offset),
          documentIndex: index,
          severity: 'error',
        });
      }
    }
    documents.push({
      index,
      value,
      problems: docProblems,
      locate(path, options) {
        const node = findNode(doc, path, options?.atKey ?? false);
        const range = node?.range ?? doc.range ?? [0, 0];
        return rangeOf(lineCounter, range[0], range[1]);
      },
    });
  });

  if (documents.length === 0 && problems.length === 0) {
    problems.push(
      fileProblem('file has no YAML documents; expected at least one entity'),
    );
  }
  return { documents, problems };
}

import { type Diagnostic, linter } from '@codemirror/lint';
import type { Extension, Text } from '@codemirror/state';
import {
  GOLDEN_PATH_KIND,
  type YamlProblem,
  catalogValidators,
  lintCatalogYaml,
} from '@golden-paths/golden-paths-common';
import { problemMessage } from '../problemText';
import { problemRange } from './offsets';

/** Checks a YAML text; resolves to its problems, never rejects. */
export type LintYaml = (text: string) => Promise<YamlProblem[]>;

/** How long typing must pause before the text is checked. */
export const LINT_DELAY_MS = 300;

function defaultLint(text: string): Promise<YamlProblem[]> {
  return lintCatalogYaml(text, { validators: catalogValidators });
}

/**
 * The shared validator, remembering its last answer. The editor's markers
 * and the page's problem list both ask about the same text; this way it is
 * checked once.
 */
export function createYamlLint(lint: LintYaml = defaultLint): LintYaml {
  let last: { text: string; problems: Promise<YamlProblem[]> } | undefined;
  return text => {
    if (last?.text !== text) {
      const problems = lint(text).catch((error: Error): YamlProblem[] => [
        {
          message: `the YAML could not be checked: ${error.message}`,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
        },
      ]);
      last = { text, problems };
    }
    return last.problems;
  };
}

/** CodeMirror diagnostics for problems found in a document. */
export function problemsToDiagnostics(
  doc: Text,
  problems: ReadonlyArray<YamlProblem>,
): Diagnostic[] {
  return problems.map(problem => ({
    ...problemRange(doc, problem),
    severity: problem.severity,
    message: problemMessage(problem),
    source: GOLDEN_PATH_KIND,
  }));
}

/**
 * Underlines problems in the editor as the text changes, with the validator
 * the catalog, the CLI and the backend use; nothing leaves the browser.
 */
export function goldenPathLinter(lint: LintYaml): Extension {
  return linter(
    async view => {
      // CodeMirror drops the answer if the document changed meanwhile.
      const doc = view.state.doc;
      return problemsToDiagnostics(doc, await lint(doc.toString()));
    },
    { delay: LINT_DELAY_MS },
  );
}

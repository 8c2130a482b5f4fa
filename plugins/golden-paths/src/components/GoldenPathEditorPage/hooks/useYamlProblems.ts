import type { YamlProblem } from '@golden-paths/golden-paths-common';
import { useEffect, useState } from 'react';
import { LINT_DELAY_MS, type LintYaml } from '../codemirror/yamlLinter';

/** The problems of a text, checked once typing pauses. */
export interface YamlProblemsState {
  problems: YamlProblem[];
  /** The problems are of an older text (or none was checked yet). */
  checking: boolean;
}

/** Checks the text with `lint` after it stops changing for a moment. */
export function useYamlProblems(
  text: string,
  lint: LintYaml,
): YamlProblemsState {
  const [checked, setChecked] = useState<{
    text?: string;
    problems: YamlProblem[];
  }>({ problems: [] });

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      lint(text).then(problems => {
        if (current) {
          setChecked({ text, problems });
        }
      });
    }, LINT_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, lint]);

  return { problems: checked.problems, checking: checked.text !== text };
}

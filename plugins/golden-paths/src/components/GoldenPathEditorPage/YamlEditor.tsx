import { lintGutter } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import CodeMirror, { type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { forwardRef, useMemo } from 'react';
import { goldenPathCompletion } from './codemirror/yamlCompletion';
import { goldenPathLinter, type LintYaml } from './codemirror/yamlLinter';
import { yamlLanguage } from './codemirror/yamlLanguage';

const useStyles = makeStyles(theme => ({
  editor: {
    fontSize: theme.typography.body2.fontSize,
    '& .cm-editor.cm-focused': {
      outline: `2px solid ${theme.palette.primary.main}`,
    },
  },
}));

/** Props of {@link YamlEditor}. */
export interface YamlEditorProps {
  value: string;
  onChange(value: string): void;
  /** Checks the text for the editor's problem markers. */
  lint: LintYaml;
  /** Labels the editable area for assistive technology. */
  ariaLabel: string;
  /** Id of the element that explains the editor's keys. */
  ariaDescribedBy?: string;
}

/**
 * CodeMirror set up for GoldenPath YAML: highlighting as in the scaffolder's
 * template editor, completion from the kind's schema, the shared validator's
 * problems as markers, and Backstage's light or dark palette.
 */
export const YamlEditor = forwardRef<ReactCodeMirrorRef, YamlEditorProps>(
  function YamlEditorWithRef(props, ref) {
    const { value, onChange, lint, ariaLabel, ariaDescribedBy } = props;
    const classes = useStyles();
    const theme = useTheme();
    const extensions = useMemo(
      () => [
        yamlLanguage,
        goldenPathCompletion(),
        goldenPathLinter(lint),
        lintGutter(),
        EditorView.contentAttributes.of({
          'aria-label': ariaLabel,
          ...(ariaDescribedBy ? { 'aria-describedby': ariaDescribedBy } : {}),
        }),
      ],
      [lint, ariaLabel, ariaDescribedBy],
    );
    return (
      <CodeMirror
        ref={ref}
        className={classes.editor}
        value={value}
        onChange={onChange}
        extensions={extensions}
        theme={theme.palette.type === 'dark' ? 'dark' : 'light'}
        height="60vh"
        minHeight="20rem"
      />
    );
  },
);

import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import type { YamlProblem } from '@golden-paths/golden-paths-common';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { EditorView } from '@codemirror/view';
import { useCallback, useMemo, useRef } from 'react';
import { rootRouteRef } from '../../routes';
import { problemRange } from './codemirror/offsets';
import { createYamlLint, LINT_DELAY_MS } from './codemirror/yamlLinter';
import { downloadText } from './download';
import { EditorActions } from './EditorActions';
import { EditorHelp } from './EditorHelp';
import { useDebouncedValue } from './hooks/useDebouncedValue';
import { useEditorDraft } from './hooks/useEditorDraft';
import { useYamlProblems } from './hooks/useYamlProblems';
import { PathPreview } from './PathPreview';
import { yamlFileName } from './previewEntity';
import { ProblemList } from './ProblemList';
import { STARTER_YAML } from './starterYaml';
import { YamlEditor } from './YamlEditor';

const HELP_ID = 'golden-path-editor-help';

const useStyles = makeStyles(theme => ({
  editor: {
    overflow: 'hidden',
  },
  problems: {
    marginTop: theme.spacing(2),
  },
  side: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(3),
  },
}));

/**
 * Props of {@link GoldenPathEditorPage}.
 *
 * @public
 */
export interface GoldenPathEditorPageProps {
  /**
   * The text to start with instead of the saved draft or the example.
   */
  initialYaml?: string;
}

/**
 * Where platform engineers write GoldenPath YAML: completion from the kind's
 * schema, problems from the shared validator as they type, and a preview of
 * the path's card. It never writes anywhere; the YAML is copied or
 * downloaded and committed to a repository.
 *
 * @public
 */
export function GoldenPathEditorPage(props: GoldenPathEditorPageProps) {
  const classes = useStyles();
  const alertApi = useApi(alertApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const editorRef = useRef<ReactCodeMirrorRef>(null);
  const [text, setText] = useEditorDraft(props.initialYaml);
  // One validator run per text, shared by the markers and the list.
  const lint = useMemo(() => createYamlLint(), []);
  const { problems, checking } = useYamlProblems(text, lint);
  const previewText = useDebouncedValue(text, LINT_DELAY_MS);
  const fileName = yamlFileName(previewText);

  const goToProblem = useCallback((problem: YamlProblem) => {
    const view = editorRef.current?.view;
    if (!view) {
      return;
    }
    const { from } = problemRange(view.state.doc, problem);
    view.dispatch({
      selection: { anchor: from },
      effects: EditorView.scrollIntoView(from, { y: 'center' }),
    });
    view.focus();
  }, []);

  const copy = useCallback(async () => {
    try {
      if (!navigator.clipboard) {
        throw new Error('the browser allows no clipboard access on this page');
      }
      await navigator.clipboard.writeText(text);
      alertApi.post({
        message: 'Copied the YAML to the clipboard.',
        severity: 'success',
        display: 'transient',
      });
    } catch (error) {
      alertApi.post({
        message: `Could not copy the YAML: ${
          (error as Error).message
        }. Select it in the editor and copy it with Ctrl+C instead.`,
        severity: 'error',
      });
    }
  }, [alertApi, text]);

  const download = useCallback(() => {
    downloadText(text, yamlFileName(text));
  }, [text]);

  const reset = useCallback(() => {
    setText(STARTER_YAML);
    alertApi.post({
      message:
        'The editor holds the example again. Undo with Ctrl+Z in the editor to get your text back.',
      severity: 'info',
      display: 'transient',
    });
  }, [alertApi, setText]);

  return (
    <Page themeId="tool">
      <Header
        title="GoldenPath editor"
        subtitle="Nothing is saved: copy or download the YAML and commit it to your repository"
        type="Golden Paths"
        typeLink={rootLink()}
      />
      <Content>
        <ContentHeader title="Write a golden path">
          <EditorActions
            fileName={fileName}
            onCopy={copy}
            onDownload={download}
            onReset={reset}
          />
        </ContentHeader>
        <Grid container spacing={3}>
          <Grid item xs={12} md={7}>
            <Paper variant="outlined" className={classes.editor}>
              <YamlEditor
                ref={editorRef}
                value={text}
                onChange={setText}
                lint={lint}
                ariaLabel="GoldenPath YAML"
                ariaDescribedBy={HELP_ID}
              />
            </Paper>
            <Paper variant="outlined" className={classes.problems}>
              <ProblemList
                problems={problems}
                checking={checking}
                onSelect={goToProblem}
              />
            </Paper>
          </Grid>
          <Grid item xs={12} md={5} className={classes.side}>
            <section aria-labelledby="golden-path-editor-preview">
              <Typography
                variant="h6"
                component="h2"
                id="golden-path-editor-preview"
                gutterBottom
              >
                Preview
              </Typography>
              <PathPreview text={previewText} />
            </section>
            <EditorHelp id={HELP_ID} />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}

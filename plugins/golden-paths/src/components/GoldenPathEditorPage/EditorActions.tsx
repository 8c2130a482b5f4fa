import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import FileCopyIcon from '@material-ui/icons/FileCopy';
import GetAppIcon from '@material-ui/icons/GetApp';
import RestoreIcon from '@material-ui/icons/Restore';

const useStyles = makeStyles(theme => ({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
}));

/** Props of {@link EditorActions}. */
export interface EditorActionsProps {
  fileName: string;
  onCopy(): void;
  onDownload(): void;
  onReset(): void;
}

/** What can be done with the YAML: copy it, download it, start over. */
export function EditorActions(props: EditorActionsProps) {
  const classes = useStyles();
  return (
    <div className={classes.actions}>
      <Button
        variant="contained"
        color="primary"
        startIcon={<FileCopyIcon />}
        onClick={props.onCopy}
      >
        Copy YAML
      </Button>
      <Button
        variant="outlined"
        color="primary"
        startIcon={<GetAppIcon />}
        onClick={props.onDownload}
        title={`Download as ${props.fileName}`}
      >
        Download
      </Button>
      <Button
        variant="outlined"
        startIcon={<RestoreIcon />}
        onClick={props.onReset}
      >
        Reset to the example
      </Button>
    </div>
  );
}

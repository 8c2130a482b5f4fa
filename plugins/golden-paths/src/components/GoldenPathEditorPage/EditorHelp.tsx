import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  root: { marginTop: theme.spacing(3) },
  list: {
    margin: 0,
    paddingLeft: theme.spacing(2.5),
    '& li': { marginBottom: theme.spacing(0.5) },
  },
  key: {
    fontFamily: 'monospace',
    padding: theme.spacing(0, 0.5),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
  },
}));

/** How the editor works, for people and (through its id) screen readers. */
export function EditorHelp(props: { id: string }) {
  const classes = useStyles();
  const key = (text: string) => <kbd className={classes.key}>{text}</kbd>;
  return (
    <section className={classes.root} aria-labelledby={`${props.id}-title`}>
      <Typography variant="h6" component="h2" id={`${props.id}-title`}>
        How it works
      </Typography>
      <Typography variant="body2" component="div" id={props.id}>
        <ul className={classes.list}>
          <li>
            {key('Ctrl')}+{key('Space')} suggests the keys of the GoldenPath
            kind where the cursor is, and the allowed values after{' '}
            <code>lifecycle:</code>, <code>category:</code> or a{' '}
            <code>guarantees</code> item.
          </li>
          <li>
            Problems are checked in your browser, with the validator the catalog
            uses, as you type. Select one in the list to move the cursor to it.
          </li>
          <li>
            {key('Esc')} then {key('Tab')} leaves the editor; {key('Tab')} alone
            indents.
          </li>
          <li>
            Nothing is saved: copy or download the YAML and commit it to your
            repository, where the catalog reads it. Your draft stays in this
            browser until you reset it.
          </li>
        </ul>
      </Typography>
    </section>
  );
}

import type { YamlProblem } from '@golden-paths/golden-paths-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import { problemText } from './problemText';
import { countOf } from '../shared/countOf';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 2),
  },
  ok: { color: theme.palette.success.main },
  error: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  icon: { minWidth: theme.spacing(4) },
  text: {
    fontFamily: 'monospace',
    wordBreak: 'break-word',
  },
}));

function summaryText(problems: YamlProblem[], checking: boolean): string {
  if (checking && problems.length === 0) {
    return 'Checking…';
  }
  if (problems.length === 0) {
    return 'No problems';
  }
  return countOf(problems.length, 'problem');
}

/** Props of {@link ProblemList}. */
export interface ProblemListProps {
  problems: YamlProblem[];
  /** The problems are of an older text; newer ones are on their way. */
  checking: boolean;
  /** Moves the editor's cursor to a problem. */
  onSelect(problem: YamlProblem): void;
}

/** The validator's problems, each a button that leads to its position. */
export function ProblemList(props: ProblemListProps) {
  const { problems, checking, onSelect } = props;
  const classes = useStyles();
  const hasErrors = problems.some(p => p.severity === 'error');

  return (
    <section aria-label="Problems" aria-busy={checking}>
      <div className={classes.summary}>
        {problems.length === 0 && !checking && (
          <CheckCircleIcon className={classes.ok} fontSize="small" />
        )}
        {problems.length > 0 && (
          <ErrorIcon
            className={hasErrors ? classes.error : classes.warning}
            fontSize="small"
          />
        )}
        <Typography variant="subtitle2" role="status">
          {summaryText(problems, checking)}
        </Typography>
      </div>
      {problems.length > 0 && (
        <List dense disablePadding>
          {problems.map((problem, index) => {
            const text = problemText(problem);
            const Icon = problem.severity === 'error' ? ErrorIcon : WarningIcon;
            return (
              <ListItem
                key={`${index}:${text}`}
                button
                onClick={() => onSelect(problem)}
                title="Go to this position in the editor"
              >
                <ListItemIcon className={classes.icon}>
                  <Icon
                    fontSize="small"
                    className={classes[problem.severity]}
                    titleAccess={
                      problem.severity === 'error' ? 'Error' : 'Warning'
                    }
                  />
                </ListItemIcon>
                <ListItemText
                  primary={text}
                  primaryTypographyProps={{ className: classes.text }}
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </section>
  );
}

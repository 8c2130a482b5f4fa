import type { CheckResult } from '@golden-paths/golden-paths-common';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { CheckStatusIcon } from '../shared/CheckStatusIcon';

const useStyles = makeStyles(theme => ({
  failing: {
    font: 'inherit',
    color: 'inherit',
    background: 'none',
    border: 0,
    padding: 0,
    textDecoration: 'underline dotted',
    textUnderlineOffset: '3px',
    cursor: 'pointer',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none' },
  item: {
    display: 'grid',
    gridTemplateColumns: `${theme.spacing(12)}px 1fr`,
    columnGap: theme.spacing(2),
    padding: theme.spacing(0.5, 0),
  },
}));

/**
 * The titles of a follower's failing checks, each with its reason on hover or
 * focus; choosing one shows every check's reason and fix.
 */
export function GoldenPathFailingChecks(props: {
  checks: CheckResult[];
  onShowDetails: () => void;
}) {
  const classes = useStyles();
  const failing = props.checks.filter(c => c.status === 'fail');
  const unknown = props.checks.filter(c => c.status === 'unknown').length;
  if (failing.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {unknown > 0 ? `none failing, ${unknown} unknown` : 'none'}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="span">
      {failing.map((check, i) => (
        <span key={check.id}>
          {i > 0 && ', '}
          <Tooltip title={check.reason}>
            <button
              type="button"
              className={classes.failing}
              onClick={props.onShowDetails}
            >
              {check.title}
            </button>
          </Tooltip>
        </span>
      ))}
      {unknown > 0 && (
        <Typography variant="body2" color="textSecondary" component="span">
          {` (+${unknown} unknown)`}
        </Typography>
      )}
    </Typography>
  );
}

/** Every check of a follower that does not pass, with its reason and fix. */
export function GoldenPathCheckDetails(props: {
  checks: CheckResult[];
  label: string;
}) {
  const classes = useStyles();
  const open = props.checks.filter(c => c.status !== 'pass');
  return (
    <ul className={classes.list} aria-label={props.label}>
      {open.map(check => (
        <li key={check.id} className={classes.item}>
          <CheckStatusIcon status={check.status} />
          <div>
            <Typography variant="subtitle2" component="span">
              {check.title}
            </Typography>
            <Typography variant="body2">{check.reason}</Typography>
            {check.fix && (
              <Typography variant="body2" color="textSecondary">
                Fix: {check.fix}
              </Typography>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { CheckResult } from '@golden-paths/golden-paths-common';
import { CheckStatusIcon } from '../shared/CheckStatusIcon';
import { InlineCode } from './InlineCode';

const useStyles = makeStyles(theme => ({
  status: {
    minWidth: theme.spacing(11),
    marginTop: theme.spacing(0.5),
    alignSelf: 'flex-start',
  },
  fix: {
    display: 'block',
    marginTop: theme.spacing(0.5),
    color: theme.palette.text.primary,
  },
}));

const ORDER: Record<string, number> = { fail: 0, unknown: 1, pass: 2 };

/**
 * Each check with its reason and, when it does not pass, how to fix it.
 * What needs doing comes first; otherwise the path's own order is kept.
 */
export function CheckList(props: { checks: CheckResult[] }) {
  const classes = useStyles();
  const checks = [...props.checks].sort(
    (a, b) => (ORDER[a.status] ?? 1) - (ORDER[b.status] ?? 1),
  );
  return (
    <List dense disablePadding aria-label="Checks">
      {checks.map(check => (
        <ListItem
          key={check.id}
          disableGutters
          data-testid={`check-${check.id}`}
        >
          <ListItemIcon className={classes.status}>
            <CheckStatusIcon status={check.status} />
          </ListItemIcon>
          <ListItemText
            primary={check.title}
            secondaryTypographyProps={{ component: 'div' }}
            secondary={
              <>
                <InlineCode text={check.reason} />
                {check.status !== 'pass' && check.fix && (
                  <Typography
                    variant="body2"
                    component="span"
                    className={classes.fix}
                  >
                    <strong>How to fix: </strong>
                    <InlineCode text={check.fix} />
                  </Typography>
                )}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}

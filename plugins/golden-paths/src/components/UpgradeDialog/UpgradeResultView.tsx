import type { UpgradeResult } from '@golden-paths/golden-paths-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { upgradeOutcomeLabel } from '@golden-paths/golden-paths-common';
import { SafeLink } from '../shared/SafeLink';
import { countOf } from '../shared/countOf';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
  path: { fontFamily: 'monospace', wordBreak: 'break-all' },
}));

/** A run upgrade: where it went and what is left for the developer to do. */
export function UpgradeResultView(props: { result: UpgradeResult }) {
  const classes = useStyles();
  const { plan, delivery } = props.result;
  const pullRequest = delivery.kind === 'pull-request';
  const flagged = plan.files.filter(f => f.flagged);
  return (
    <>
      <Alert severity="success">
        <AlertTitle>
          {pullRequest ? 'Pull request opened' : 'Upgrade branch created'}
        </AlertTitle>
        Branch <code>{delivery.branch}</code> at commit{' '}
        <code title={delivery.commit}>{delivery.commit.slice(0, 7)}</code> in{' '}
        <code>{delivery.repository}</code>, upgrading from version{' '}
        {plan.fromVersion} to {plan.toVersion}.
        {delivery.url && (
          <>
            {' '}
            <SafeLink url={delivery.url}>
              {pullRequest ? 'Open the pull request' : 'Open the branch'}
            </SafeLink>
          </>
        )}
      </Alert>
      {plan.summary.conflicts > 0 && (
        <Alert severity="warning" className={classes.section}>
          Resolve the conflict markers in{' '}
          {countOf(plan.summary.conflicts, 'file')} before merging the branch.
        </Alert>
      )}
      {flagged.length > 0 && (
        <div className={classes.section}>
          <Typography variant="subtitle2" component="h3">
            To look at before merging
          </Typography>
          <List dense disablePadding aria-label="Files to look at">
            {flagged.map(file => (
              <ListItem key={file.path} disableGutters>
                <ListItemText
                  primary={file.path}
                  primaryTypographyProps={{ className: classes.path }}
                  secondary={`${upgradeOutcomeLabel(file.outcome)}: ${
                    file.detail
                  }`}
                />
              </ListItem>
            ))}
          </List>
        </div>
      )}
      <Typography variant="body2" className={classes.section}>
        {pullRequest
          ? 'Review the pull request and merge it when its checks pass.'
          : `Check out ${delivery.branch}, review it and merge it into your default branch.`}
      </Typography>
    </>
  );
}

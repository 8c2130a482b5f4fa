import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { FollowerUpgradePlan } from '@golden-paths/golden-paths-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { upgradeSummaryText } from '../shared/upgradeSummaryText';
import { UpgradeButton } from '../UpgradeDialog';
import type { VersionGroup } from './groupByVersion';
import { UpgradeModeChip } from './UpgradeModeChip';
import { useVisuallyHiddenStyles } from '../shared/visuallyHidden';
import { entityDisplayName } from '../shared/entityDisplayName';
import { countOf } from '../shared/countOf';

const useStyles = makeStyles(theme => ({
  group: { marginTop: theme.spacing(2) },
  heading: { padding: theme.spacing(0, 2) },
  plan: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  action: { width: theme.spacing(16) },
}));

function FollowerPlanRow(props: { follower: FollowerUpgradePlan }) {
  const classes = useStyles();
  const { follower } = props;
  const name = entityDisplayName(follower);
  return (
    <TableRow>
      <TableCell component="th" scope="row" role="rowheader">
        <EntityRefLink entityRef={follower.entityRef} title={follower.title} />
      </TableCell>
      <TableCell>
        {follower.plan ? (
          <span className={classes.plan}>
            <UpgradeModeChip
              mode={follower.plan.mode}
              recopyReason={follower.plan.recopyReason}
            />
            <span>{upgradeSummaryText(follower.plan.summary)}</span>
          </span>
        ) : (
          <Typography variant="body2" color="error">
            {follower.error ?? 'No plan could be made.'}
          </Typography>
        )}
      </TableCell>
      <TableCell className={classes.action} align="right">
        {follower.plan && (
          <UpgradeButton
            entityRef={follower.entityRef}
            title={name}
            aria-label={`Upgrade ${name}`}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

/** The followers on one version, each with its plan or why there is none. */
export function UpgradePlanGroup(props: {
  group: VersionGroup;
  toVersion: string;
}) {
  const classes = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const { version, followers } = props.group;
  const label = version ? `Version ${version}` : 'No version';
  const tableLabel = version
    ? `Followers on version ${version}`
    : 'Followers without a version';
  const count = countOf(followers.length, 'follower');
  return (
    <section className={classes.group}>
      <Typography
        variant="subtitle1"
        component="h3"
        className={classes.heading}
      >
        {label} → {props.toVersion} · {count}
      </Typography>
      <Table size="small" aria-label={tableLabel}>
        <TableHead>
          <TableRow>
            <TableCell>Component</TableCell>
            <TableCell>Plan</TableCell>
            <TableCell className={classes.action}>
              <span className={hidden.visuallyHidden}>Upgrade</span>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {followers.map(follower => (
            <FollowerPlanRow key={follower.entityRef} follower={follower} />
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

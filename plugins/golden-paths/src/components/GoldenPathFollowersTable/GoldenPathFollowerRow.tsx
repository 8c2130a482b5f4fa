import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { FollowerResult } from '@golden-paths/golden-paths-common';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import { makeStyles } from '@material-ui/core/styles';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useState } from 'react';
import { CheckStatusIcon } from '../shared/CheckStatusIcon';
import { DriftBadge } from '../shared/DriftBadge';
import { isBehind } from '../shared/isBehind';
import { UpgradeButton } from '../UpgradeDialog';
import {
  GoldenPathCheckDetails,
  GoldenPathFailingChecks,
} from './GoldenPathFollowerChecks';
import { entityDisplayName } from '../shared/entityDisplayName';

/** Columns of the followers table, the expand button's included. */
export const FOLLOWER_COLUMNS = 6;

const useStyles = makeStyles(theme => ({
  row: { '& > td': { borderBottom: 'unset' } },
  inline: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  details: { paddingTop: 0, paddingBottom: 0 },
}));

/**
 * One follower: who, whose, which version (with an upgrade when behind), and
 * how it does on the checks.
 */
export function GoldenPathFollowerRow(props: { follower: FollowerResult }) {
  const { follower } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const name = entityDisplayName(follower);
  const passed = follower.checks.filter(c => c.status === 'pass').length;
  const total = follower.checks.length;
  const notPassing = total - passed;
  let status: 'pass' | 'fail' | 'unknown' = 'unknown';
  if (follower.compliant) {
    status = 'pass';
  } else if (follower.checks.some(c => c.status === 'fail')) {
    status = 'fail';
  }
  const detailsId = `checks-${follower.entityRef.replace(
    /[^a-zA-Z0-9-]/g,
    '-',
  )}`;
  return (
    <>
      <TableRow className={notPassing > 0 ? classes.row : undefined}>
        <TableCell padding="checkbox">
          {notPassing > 0 && (
            <IconButton
              size="small"
              aria-label={`${
                open ? 'Hide' : 'Show'
              } the checks ${name} does not pass`}
              aria-expanded={open}
              aria-controls={open ? detailsId : undefined}
              onClick={() => setOpen(o => !o)}
            >
              {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            </IconButton>
          )}
        </TableCell>
        <TableCell component="th" scope="row" role="rowheader">
          <EntityRefLink
            entityRef={follower.entityRef}
            title={follower.title}
          />
        </TableCell>
        <TableCell>
          {follower.owner ? (
            <EntityRefLink entityRef={follower.owner} defaultKind="group" />
          ) : (
            <Typography variant="body2" color="textSecondary">
              no owner
            </Typography>
          )}
        </TableCell>
        <TableCell>
          <span className={classes.inline}>
            <span>{follower.drift.currentVersion ?? 'no version'}</span>
            <DriftBadge drift={follower.drift} />
            {isBehind(follower.drift) && (
              <UpgradeButton
                entityRef={follower.entityRef}
                title={name}
                aria-label={`Upgrade ${name}`}
              />
            )}
          </span>
        </TableCell>
        <TableCell>
          <span className={classes.inline}>
            <CheckStatusIcon status={status} />
            <span>
              {passed}/{total}
            </span>
          </span>
        </TableCell>
        <TableCell>
          <GoldenPathFailingChecks
            checks={follower.checks}
            onShowDetails={() => setOpen(true)}
          />
        </TableCell>
      </TableRow>
      {notPassing > 0 && (
        <TableRow>
          <TableCell className={classes.details} colSpan={FOLLOWER_COLUMNS}>
            <Collapse in={open} timeout="auto" unmountOnExit>
              <div id={detailsId}>
                <GoldenPathCheckDetails
                  checks={follower.checks}
                  label={`Checks ${name} does not pass`}
                />
              </div>
            </Collapse>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

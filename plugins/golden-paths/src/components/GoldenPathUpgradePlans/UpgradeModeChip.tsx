import type { UpgradePlan } from '@golden-paths/golden-paths-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';

const useStyles = makeStyles(theme => ({
  recopy: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
}));

/** How a plan upgrades: a merge, or a recopy that needs more care (with why). */
export function UpgradeModeChip(props: {
  mode: UpgradePlan['mode'];
  recopyReason?: string;
}) {
  const classes = useStyles();
  if (props.mode === 'merge') {
    return <Chip size="small" variant="outlined" label="merge" />;
  }
  return (
    <Tooltip title={props.recopyReason ?? 'The old version cannot be rendered'}>
      <Chip size="small" label="recopy" className={classes.recopy} />
    </Tooltip>
  );
}

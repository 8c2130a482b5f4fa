import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

// makeStyles rather than Box: a card shows several bars, and Box costs
// about five times as much to render.
const useStyles = makeStyles(theme => ({
  root: { display: 'flex', alignItems: 'center', minWidth: 120 },
  bar: { flexGrow: 1, marginRight: theme.spacing(1) },
}));

/** A ratio (0..1, or null for "no data") as a bar with its percentage. */
export function RatioBar(props: { value: number | null; label: string }) {
  const classes = useStyles();
  const percent = props.value === null ? null : Math.round(props.value * 100);
  return (
    <div className={classes.root}>
      <div className={classes.bar}>
        <LinearProgress
          variant="determinate"
          value={percent ?? 0}
          aria-label={props.label}
          aria-valuetext={percent === null ? 'no followers' : `${percent}%`}
        />
      </div>
      <Typography variant="body2" color="textSecondary">
        {percent === null ? '–' : `${percent}%`}
      </Typography>
    </div>
  );
}

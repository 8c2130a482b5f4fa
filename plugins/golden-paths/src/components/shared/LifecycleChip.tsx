import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  supported: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  beta: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  deprecated: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
}));

/** A golden path's lifecycle: supported, beta or deprecated. */
export function LifecycleChip(props: { lifecycle: string }) {
  const classes = useStyles();
  const className =
    classes[props.lifecycle as keyof ReturnType<typeof useStyles>];
  return (
    <Chip
      size="small"
      label={props.lifecycle}
      className={className}
      data-testid="lifecycle-chip"
    />
  );
}

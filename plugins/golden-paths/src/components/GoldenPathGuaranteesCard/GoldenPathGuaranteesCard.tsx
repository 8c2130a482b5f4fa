import type { GuaranteeStats } from '@golden-paths/golden-paths-common';
import Box from '@material-ui/core/Box';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { GuaranteeIcon, guaranteeText } from '../shared/GuaranteeIcon';
import { RatioBar } from '../shared/RatioBar';
import { SpecListCard } from '../shared/SpecListCard';

const useStyles = makeStyles(theme => ({
  item: { alignItems: 'flex-start', paddingLeft: 0, paddingRight: 0 },
  icon: { minWidth: theme.spacing(5), paddingTop: theme.spacing(0.5) },
  body: { flexGrow: 1, minWidth: 0 },
}));

interface GuaranteeRow {
  id: string;
  title: string;
  description?: string;
  stats?: GuaranteeStats;
}

function guaranteeRows(
  guarantees: ReadonlyArray<string>,
  checks?: ReadonlyArray<GuaranteeStats>,
): GuaranteeRow[] {
  const describe = (id: string) => {
    const text = guaranteeText(id);
    // Checks added through the extension point have no words of their own here.
    return text.description === id ? undefined : text.description;
  };
  if (checks) {
    return checks.map(stats => ({
      id: stats.id,
      title: stats.title,
      description: describe(stats.id),
      stats,
    }));
  }
  return guarantees.map(id => ({
    id,
    title: guaranteeText(id).title,
    description: describe(id),
  }));
}

function Counts(props: { stats: GuaranteeStats }) {
  const { pass, fail, unknown } = props.stats;
  return (
    <Typography variant="caption" color="textSecondary">
      {pass} pass · {fail} fail · {unknown} unknown
    </Typography>
  );
}

/**
 * What a path promises, check by check, with how many of its followers keep
 * each promise when the backend has evaluated them.
 */
export function GoldenPathGuaranteesCard(props: {
  /** The path's `spec.guarantees`, shown when there are no figures. */
  guarantees: ReadonlyArray<string>;
  /** The backend's figures per check, including checks added by modules. */
  checks?: ReadonlyArray<GuaranteeStats>;
}) {
  const classes = useStyles();
  const rows = guaranteeRows(props.guarantees, props.checks);
  return (
    <SpecListCard
      title="Guarantees"
      count={rows.length}
      emptyText="This path promises no guarantees yet"
      field="spec.guarantees"
    >
      {rows.map(row => (
        <ListItem key={row.id} className={classes.item}>
          <ListItemIcon className={classes.icon}>
            <GuaranteeIcon id={row.id} />
          </ListItemIcon>
          <div className={classes.body}>
            <Typography variant="subtitle2" component="h3">
              {row.title}
            </Typography>
            {row.description && (
              <Typography variant="body2" color="textSecondary">
                {row.description}
              </Typography>
            )}
            {row.stats && (
              <Box mt={0.5}>
                <RatioBar
                  value={row.stats.passRatio}
                  label={`${row.title}: share of followers passing`}
                />
                <Counts stats={row.stats} />
              </Box>
            )}
          </div>
        </ListItem>
      ))}
    </SpecListCard>
  );
}

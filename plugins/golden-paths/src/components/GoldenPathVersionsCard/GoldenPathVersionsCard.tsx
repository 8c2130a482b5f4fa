import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { compareVersionsNewestFirst } from '@golden-paths/golden-paths-common';
import { RatioBar } from '../shared/RatioBar';

const useStyles = makeStyles(theme => ({
  current: {
    backgroundColor: theme.palette.action.selected,
    '& th, & td': { fontWeight: theme.typography.fontWeightBold as number },
  },
  chip: { marginLeft: theme.spacing(1) },
}));

/**
 * The versions of a path its followers are on, newest first, with how many
 * followers each and their share; the path's current version highlighted.
 */
export function GoldenPathVersionsCard(props: {
  versions: ReadonlyArray<{ version: string; count: number }>;
  currentVersion: string;
}) {
  const classes = useStyles();
  const total = props.versions.reduce((sum, v) => sum + v.count, 0);
  const rows = [...props.versions].sort((a, b) =>
    compareVersionsNewestFirst(a.version, b.version),
  );
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Versions in use"
    >
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No component follows this path yet, so no version is in use.
        </Typography>
      ) : (
        <Table size="small" aria-label="Versions in use">
          <TableHead>
            <TableRow>
              <TableCell>Version</TableCell>
              <TableCell align="right">Followers</TableCell>
              <TableCell>Share</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => {
              const current = row.version === props.currentVersion;
              const share = total === 0 ? null : row.count / total;
              return (
                <TableRow
                  key={row.version}
                  className={current ? classes.current : undefined}
                  aria-current={current ? 'true' : undefined}
                >
                  <TableCell component="th" scope="row" role="rowheader">
                    {row.version}
                    {current && (
                      <Chip
                        size="small"
                        color="primary"
                        label="current"
                        className={classes.chip}
                      />
                    )}
                  </TableCell>
                  <TableCell align="right">{row.count}</TableCell>
                  <TableCell>
                    <RatioBar
                      value={share}
                      label={`Share of followers on ${row.version}`}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

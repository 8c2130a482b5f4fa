import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { GoldenPathFollowerRow } from './GoldenPathFollowerRow';
import { FOLLOWER_PAGE_SIZES, useFollowerPages } from './useFollowerPages';
import { useVisuallyHiddenStyles } from '../shared/visuallyHidden';

/**
 * The components that follow a path, read from the backend a page at a
 * time, with their version, drift and check results.
 */
export function GoldenPathFollowersTable(props: { pathRef: string }) {
  const hidden = useVisuallyHiddenStyles();
  const pages = useFollowerPages(props.pathRef);
  const { page, pageSize, items, loading, error } = pages;
  const firstLoad = loading && items.length === 0;

  let body;
  if (firstLoad) {
    body = <Progress />;
  } else if (error) {
    body = (
      <Box p={2}>
        <ResponseErrorPanel
          error={error}
          title="Could not load the followers"
        />
        <Box mt={2} display="flex" style={{ gap: 8 }}>
          <Button variant="outlined" onClick={pages.retry}>
            Try again
          </Button>
          {page > 0 && (
            <Button variant="outlined" onClick={pages.previous}>
              Previous page
            </Button>
          )}
        </Box>
      </Box>
    );
  } else if (items.length === 0 && page === 0) {
    body = (
      <Box p={2}>
        <Typography variant="body2" color="textSecondary">
          No component follows this path yet. Components follow a path through
          the <code>golden-paths.dev/path</code> annotation, which the path's
          templates write.
        </Typography>
      </Box>
    );
  } else {
    body = (
      <>
        {loading && <LinearProgress aria-label="Loading followers" />}
        <Table size="small" aria-label="Followers" aria-busy={loading}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <span className={hidden.visuallyHidden}>Details</span>
              </TableCell>
              <TableCell>Component</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Version</TableCell>
              <TableCell>Checks passed</TableCell>
              <TableCell>Failing checks</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(follower => (
              <GoldenPathFollowerRow
                key={follower.entityRef}
                follower={follower}
              />
            ))}
          </TableBody>
        </Table>
        <TablePagination
          component="div"
          count={pages.hasNext ? -1 : page * pageSize + items.length}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={FOLLOWER_PAGE_SIZES}
          labelRowsPerPage="Followers per page"
          onPageChange={(_event, next) =>
            next > page ? pages.next() : pages.previous()
          }
          onRowsPerPageChange={event =>
            pages.setPageSize(Number(event.target.value))
          }
          backIconButtonProps={{ disabled: loading || page === 0 }}
          nextIconButtonProps={{ disabled: loading || !pages.hasNext }}
        />
      </>
    );
  }
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Followers"
      noPadding
    >
      {body}
    </InfoCard>
  );
}

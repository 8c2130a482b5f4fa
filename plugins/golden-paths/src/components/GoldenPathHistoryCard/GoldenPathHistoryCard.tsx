import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Alert from '@material-ui/lab/Alert';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../../api';
import { GoldenPathHistoryChart } from '../GoldenPathHistoryChart';

/** A path's adoption and compliance over the last 90 days, from the backend. */
export function GoldenPathHistoryCard(props: { pathRef: string }) {
  const api = useApi(goldenPathsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getHistory(props.pathRef),
    [api, props.pathRef],
  );
  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} title="Could not load history" />;
  } else {
    body = (
      <>
        {value?.restricted && (
          <Box mb={2}>
            <Alert severity="info">
              You may not see every follower of this path, so each day counts
              only the components you may see.
            </Alert>
          </Box>
        )}
        {value?.items.length ? (
          <GoldenPathHistoryChart points={value.items} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No history yet: each evaluation writes the day's figures, so the
            chart fills in as evaluations run.
          </Typography>
        )}
      </>
    );
  }
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Adoption and compliance over time"
    >
      {body}
    </InfoCard>
  );
}

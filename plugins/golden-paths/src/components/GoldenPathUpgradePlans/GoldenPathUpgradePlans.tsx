import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { goldenPathsApiRef } from '../../api';
import { groupByVersion } from './groupByVersion';
import { UpgradePlanGroup } from './UpgradePlanGroup';
import { countOf } from '../shared/countOf';

/**
 * Upgrade plans for every follower that is behind a path, grouped by the
 * version each is on. Planning renders the templates for every follower, so
 * it waits for the reader to ask; it only plans, and each upgrade is still
 * run from its own dialog.
 */
export function GoldenPathUpgradePlans(props: {
  pathRef: string;
  version: string;
  /** Followers behind, as of the last evaluation. */
  behind?: number;
}) {
  const api = useApi(goldenPathsApiRef);
  const [state, plan] = useAsyncFn(
    () => api.planUpgrades(props.pathRef),
    [api, props.pathRef],
  );
  const { loading, error, value } = state;

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <>
        <ResponseErrorPanel
          error={error}
          title="Could not plan the upgrades"
          defaultExpanded
        />
        <Box mt={2}>
          <Button variant="outlined" onClick={plan}>
            Try again
          </Button>
        </Box>
      </>
    );
  } else if (!value) {
    body = (
      <>
        <Typography variant="body2" component="p">
          {props.behind
            ? `${countOf(
                props.behind,
                'follower is',
                'followers are',
              )} behind version ${props.version}. `
            : ''}
          Plan their upgrades to see what version {props.version} would change
          in each repository. Nothing is written.
        </Typography>
        <Box mt={2}>
          <Button variant="contained" color="primary" onClick={plan}>
            Plan upgrades
          </Button>
        </Box>
      </>
    );
  } else if (value.followers.length === 0) {
    body = (
      <Typography variant="body2" component="p">
        Every follower is on version {value.path.version}.
      </Typography>
    );
  } else {
    body = (
      <>
        {groupByVersion(value.followers).map(group => (
          <UpgradePlanGroup
            key={group.version ?? ''}
            group={group}
            toVersion={value.path.version}
          />
        ))}
        {value.omitted ? (
          <Typography variant="body2" color="textSecondary" component="p">
            {countOf(value.omitted, 'more follower is', 'more followers are')}{' '}
            behind and not planned here (a plan renders two versions of the
            template, so this view plans the {value.followers.length} on the
            oldest versions); upgrade them from their own pages.
          </Typography>
        ) : null}
        <Box mt={2}>
          <Button variant="outlined" size="small" onClick={plan}>
            Plan again
          </Button>
        </Box>
      </>
    );
  }
  return (
    <InfoCard titleTypographyProps={{ component: 'h2' }} title="Upgrades">
      {body}
    </InfoCard>
  );
}

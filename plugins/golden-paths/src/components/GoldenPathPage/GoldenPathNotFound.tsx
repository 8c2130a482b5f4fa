import { EmptyState } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Box from '@material-ui/core/Box';
import { Link as RouterLink } from 'react-router-dom';
import { editorRouteRef, rootRouteRef } from '../../routes';

/** The path page of a path the catalog does not have, or does not show this user. */
export function GoldenPathNotFound(props: { namespace: string; name: string }) {
  const rootLink = useRouteRef(rootRouteRef);
  const editorLink = useRouteRef(editorRouteRef);
  return (
    <EmptyState
      missing="info"
      title={`No golden path ${props.namespace}/${props.name}`}
      description="The catalog has no GoldenPath by this name, or you may not see it. It may have been renamed or removed."
      action={
        <Box display="flex" style={{ gap: 16 }} flexWrap="wrap">
          <Button
            variant="contained"
            color="primary"
            component={RouterLink}
            to={rootLink()}
          >
            Back to Golden Paths
          </Button>
          <Button variant="outlined" component={RouterLink} to={editorLink()}>
            How to write a GoldenPath
          </Button>
        </Box>
      }
    />
  );
}

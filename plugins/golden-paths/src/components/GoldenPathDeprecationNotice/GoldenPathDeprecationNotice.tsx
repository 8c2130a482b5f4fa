import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import useAsync from 'react-use/esm/useAsync';
import { GoldenPathLink } from '../GoldenPathLink';

/** The title of the replacement path, for the link's text; none on failure. */
function useReplacementTitle(replacedBy?: string): string | undefined {
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    if (!replacedBy) {
      return undefined;
    }
    try {
      const entity = await catalogApi.getEntityByRef(replacedBy);
      return entity?.metadata.title ?? entity?.metadata.name;
    } catch {
      return undefined;
    }
  }, [catalogApi, replacedBy]);
  return value;
}

/** Says a path is deprecated and links to the path that replaces it. */
export function GoldenPathDeprecationNotice(props: { replacedBy?: string }) {
  const { replacedBy } = props;
  const title = useReplacementTitle(replacedBy);
  return (
    <Alert severity="warning" role="status">
      <AlertTitle>This golden path is deprecated</AlertTitle>
      {replacedBy ? (
        <>
          Start new components on{' '}
          <GoldenPathLink pathRef={replacedBy}>
            {title ?? undefined}
          </GoldenPathLink>{' '}
          instead, and move the followers of this path there.
        </>
      ) : (
        <>Its owner names no replacement; ask them where to go next.</>
      )}
    </Alert>
  );
}

import type { UpgradeDelivery as Delivery } from '@golden-paths/golden-paths-common';
import Typography from '@material-ui/core/Typography';

/** Where a planned upgrade goes when it is run; never the default branch. */
export function UpgradeDelivery(props: { delivery: Delivery }) {
  const { kind, branch, repository } = props.delivery;
  return (
    <Typography variant="body2" component="p" aria-label="Delivery">
      {kind === 'pull-request' ? (
        <>
          Delivered as a <strong>pull request</strong> from the branch{' '}
          <code>{branch}</code> on <code>{repository}</code>. Nothing reaches
          the default branch until the pull request is merged.
        </>
      ) : (
        <>
          Delivered as the <strong>local branch</strong> <code>{branch}</code>{' '}
          in <code>{repository}</code>, created, or moved if an earlier upgrade
          left it. The default branch, working tree and index are not touched.
        </>
      )}
    </Typography>
  );
}

import { useEntity } from '@backstage/plugin-catalog-react';
import { isGoldenPathEntity } from '@golden-paths/golden-paths-common';
import Alert from '@material-ui/lab/Alert';
import { GoldenPathContent } from './GoldenPathContent';

/**
 * The "Golden path" tab of a GoldenPath entity's page: the same content as
 * the path's own page, for the entity in context.
 *
 * @public
 */
export function GoldenPathEntityContent() {
  const { entity } = useEntity();
  if (!isGoldenPathEntity(entity)) {
    return (
      <Alert severity="info">
        This tab is for GoldenPath entities; {entity.kind}{' '}
        {entity.metadata.name} is not one. Show it only for them, for example
        with <code>if: isKind('GoldenPath')</code>.
      </Alert>
    );
  }
  return <GoldenPathContent entity={entity} variant="entity" />;
}

import { InfoCard, type InfoCardVariants } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_GOLDEN_PATH } from '@golden-paths/golden-paths-common';
import { FollowedPath } from './FollowedPath';
import { PathSuggestions } from './PathSuggestions';

/**
 * Props of {@link EntityGoldenPathCard}.
 *
 * @public
 */
export interface EntityGoldenPathCardProps {
  /** The card's variant, e.g. `gridItem` to fill its grid cell. */
  variant?: InfoCardVariants;
}

/**
 * The golden path of the Component on the entity page: the path it follows,
 * its version against the path's, and each check with its reason and fix;
 * for a component on no path, the paths that fit its type and how to adopt
 * one. Needs the Golden Paths page mounted, which its links lead to.
 *
 * @public
 */
export function EntityGoldenPathCard(props: EntityGoldenPathCardProps) {
  const { entity } = useEntity();
  const annotation =
    entity.metadata.annotations?.[ANNOTATION_GOLDEN_PATH]?.trim() || undefined;
  return (
    <InfoCard title="Golden path" variant={props.variant}>
      {annotation ? (
        <FollowedPath entity={entity} annotation={annotation} />
      ) : (
        <PathSuggestions entity={entity} />
      )}
    </InfoCard>
  );
}

import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import Grid from '@material-ui/core/Grid';
import { GoldenPathFigures } from '../GoldenPathFigures';
import { GoldenPathFollowersTable } from '../GoldenPathFollowersTable';
import { GoldenPathGuaranteesCard } from '../GoldenPathGuaranteesCard';
import { GoldenPathHistoryCard } from '../GoldenPathHistoryCard';
import { GoldenPathOverviewCard } from '../GoldenPathOverviewCard';
import { GoldenPathStackCard } from '../GoldenPathStackCard';
import { GoldenPathStepsCard } from '../GoldenPathStepsCard';
import { GoldenPathTemplatesCard } from '../GoldenPathTemplatesCard';
import { GoldenPathUpgradePlans } from '../GoldenPathUpgradePlans';
import { GoldenPathVersionsCard } from '../GoldenPathVersionsCard';
import { GoldenPathInsightsNote } from './GoldenPathInsightsNote';
import { useGoldenPathDetails } from './useGoldenPathDetails';

/**
 * Everything about one golden path: what the catalog says (overview, stack,
 * guarantees, steps, templates) and, when the backend answers, its figures,
 * history, versions in use, followers and their upgrades.
 */
export function GoldenPathContent(props: {
  entity: GoldenPathEntityV1alpha1;
  variant: 'page' | 'entity';
}) {
  const { entity, variant } = props;
  const { spec } = entity;
  const pathRef = stringifyEntityRef(entity);
  const { loading, details, problem, retry } = useGoldenPathDetails(pathRef);
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        {loading && <Progress />}
        {problem && (
          <GoldenPathInsightsNote problem={problem} onRetry={retry} />
        )}
        {details && <GoldenPathFigures details={details} />}
      </Grid>
      <Grid item xs={12} md={6}>
        <GoldenPathOverviewCard entity={entity} variant={variant} />
      </Grid>
      <Grid item xs={12} md={6}>
        <GoldenPathStackCard stack={spec.stack} />
      </Grid>
      <Grid item xs={12} md={6}>
        <GoldenPathGuaranteesCard
          guarantees={spec.guarantees ?? []}
          checks={details?.checks}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <GoldenPathTemplatesCard templates={spec.templates} />
      </Grid>
      <Grid item xs={12}>
        <GoldenPathStepsCard steps={spec.steps} />
      </Grid>
      {details && (
        <>
          <Grid item xs={12} md={8}>
            <GoldenPathHistoryCard pathRef={pathRef} />
          </Grid>
          <Grid item xs={12} md={4}>
            <GoldenPathVersionsCard
              versions={details.versions}
              currentVersion={spec.version}
            />
          </Grid>
          <Grid item xs={12}>
            <GoldenPathFollowersTable key={pathRef} pathRef={pathRef} />
          </Grid>
          <Grid item xs={12}>
            <GoldenPathUpgradePlans
              key={pathRef}
              pathRef={pathRef}
              version={spec.version}
              behind={
                details.drift['patch-behind'] +
                details.drift['minor-behind'] +
                details.drift['major-behind']
              }
            />
          </Grid>
        </>
      )}
    </Grid>
  );
}

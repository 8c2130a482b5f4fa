// The entity pages of the legacy example app: what an adopter's
// packages/app/src/components/catalog/EntityPage.tsx needs for golden paths.
// The README's legacy install quotes this file; a test keeps them in step.
// The links cards stand for an app's own overview cards; the about card is
// left out as it needs the SCM integrations API from the app's apis.ts.
import Grid from '@material-ui/core/Grid';
import {
  EntityLayout,
  EntityLinksCard,
  EntitySwitch,
  isKind,
} from '@backstage/plugin-catalog';
import {
  EntityGoldenPathCard,
  EntityGoldenPathContent,
} from '@golden-paths/golden-paths';

const componentPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3} alignItems="stretch">
        <Grid item md={6}>
          <EntityLinksCard />
        </Grid>
        <Grid item md={6}>
          <EntityGoldenPathCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

const goldenPathPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3} alignItems="stretch">
        <Grid item md={6}>
          <EntityLinksCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
    <EntityLayout.Route path="/golden-path" title="Golden path">
      <EntityGoldenPathContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const defaultPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3} alignItems="stretch">
        <Grid item md={6}>
          <EntityLinksCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

/**
 * Every kind's entity page, chosen by kind.
 */
export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')} children={componentPage} />
    <EntitySwitch.Case if={isKind('goldenpath')} children={goldenPathPage} />
    <EntitySwitch.Case>{defaultPage}</EntitySwitch.Case>
  </EntitySwitch>
);

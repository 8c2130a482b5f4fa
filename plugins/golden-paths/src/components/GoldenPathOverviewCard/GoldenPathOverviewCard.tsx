import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { GoldenPathDeprecationNotice } from '../GoldenPathDeprecationNotice';
import { useCatalogHref, useGoldenPathPageHref } from '../GoldenPathLink';
import { LifecycleChip } from '../shared/LifecycleChip';
import { SafeLink } from '../shared/SafeLink';

const useStyles = makeStyles(theme => ({
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(1),
    margin: theme.spacing(2, 0),
    alignItems: 'center',
  },
  label: {
    color: theme.palette.text.secondary,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  value: { margin: 0 },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  links: { margin: 0, paddingLeft: theme.spacing(2.5) },
}));

function Field(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="body2" className={classes.label}>
        {props.label}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {props.children}
      </Typography>
    </>
  );
}

/**
 * What a golden path is: description, category, lifecycle, owner, version,
 * tags, links and, when deprecated, where to go instead.
 */
export function GoldenPathOverviewCard(props: {
  entity: GoldenPathEntityV1alpha1;
  /** On the path's own page it links to the catalog; on the entity page, back to the path's page. */
  variant: 'page' | 'entity';
}) {
  const { entity, variant } = props;
  const { metadata, spec } = entity;
  const classes = useStyles();
  const catalogHref = useCatalogHref(entity);
  const pathPageHref = useGoldenPathPageHref()?.(stringifyEntityRef(entity));
  const deepLink =
    variant === 'page'
      ? catalogHref && { title: 'View in catalog', link: catalogHref }
      : pathPageHref && { title: 'Open on Golden Paths', link: pathPageHref };
  const links = metadata.links ?? [];
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Overview"
      deepLink={deepLink || undefined}
    >
      {spec.lifecycle === 'deprecated' && (
        <Box mb={2}>
          <GoldenPathDeprecationNotice replacedBy={spec.replacedBy} />
        </Box>
      )}
      <Typography variant="body1">
        {metadata.description ?? 'This path has no description.'}
      </Typography>
      <dl className={classes.fields}>
        <Field label="Category">{spec.category}</Field>
        <Field label="Lifecycle">
          <LifecycleChip lifecycle={spec.lifecycle} />
        </Field>
        <Field label="Owner">
          <EntityRefLink entityRef={spec.owner} defaultKind="group" />
        </Field>
        <Field label="Version">{spec.version}</Field>
        {!!metadata.tags?.length && (
          <Field label="Tags">
            <span className={classes.chips}>
              {metadata.tags.map(tag => (
                <Chip key={tag} size="small" label={tag} variant="outlined" />
              ))}
            </span>
          </Field>
        )}
      </dl>
      {links.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3">
            Links
          </Typography>
          <ul className={classes.links}>
            {links.map((link, index) => (
              <li key={`${index} ${link.url}`}>
                <Typography variant="body2">
                  <SafeLink url={link.url}>{link.title}</SafeLink>
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
    </InfoCard>
  );
}

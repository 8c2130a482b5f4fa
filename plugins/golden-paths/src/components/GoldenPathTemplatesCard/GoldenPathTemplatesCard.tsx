import type { Entity } from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { tryParseEntityRef } from '@golden-paths/golden-paths-common';
import { templateRouteRef } from '../../routes';
import { SpecListCard } from '../shared/SpecListCard';

/** Titles and descriptions of the templates, in one catalog request. */
function useTemplateEntities(refs: ReadonlyArray<string>) {
  const catalogApi = useApi(catalogApiRef);
  const key = refs.join(',');
  return useAsync(async () => {
    if (refs.length === 0) {
      return new Map<string, Entity>();
    }
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: [...refs],
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'metadata.description',
      ],
    });
    return new Map(
      refs.flatMap((ref, i) => (items[i] ? [[ref, items[i]!] as const] : [])),
    );
    // The refs are compared by value: a new array with the same refs is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key]);
}

/**
 * The software templates that scaffold a path, each with a Start button
 * (when the app binds the scaffolder) and a link to the template entity.
 */
export function GoldenPathTemplatesCard(props: {
  templates?: ReadonlyArray<string>;
}) {
  const templates = props.templates ?? [];
  const templateRoute = useRouteRef(templateRouteRef);
  // Without titles, the templates still show by ref: the catalog is a nicety here.
  const { value: entities } = useTemplateEntities(templates);
  return (
    <SpecListCard
      title="Templates"
      count={templates.length}
      emptyText="No template scaffolds this path yet"
      field="spec.templates"
    >
      {templates.map(ref => {
        const entity = entities?.get(ref);
        const parsed = tryParseEntityRef(ref, {
          defaultKind: 'template',
        });
        const title =
          entity?.metadata.title ?? entity?.metadata.name ?? parsed?.name;
        const startHref =
          parsed &&
          templateRoute?.({
            namespace: parsed.namespace,
            templateName: parsed.name,
          });
        return (
          <ListItem key={ref} disableGutters>
            <ListItemText
              primary={
                <EntityRefLink
                  entityRef={ref}
                  defaultKind="template"
                  title={title}
                />
              }
              secondary={entity?.metadata.description}
            />
            {startHref && (
              <Box ml={2} flexShrink={0}>
                <Button
                  variant="contained"
                  color="primary"
                  size="small"
                  component={RouterLink}
                  to={startHref}
                  aria-label={`Start ${title ?? ref}`}
                >
                  Start
                </Button>
              </Box>
            )}
          </ListItem>
        );
      })}
    </SpecListCard>
  );
}

import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Link, Progress, WarningPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_GOLDEN_PATH,
  GOLDEN_PATH_KIND,
  type GoldenPathEntityV1alpha1,
  entityRefKey,
  isGoldenPathEntity,
} from '@golden-paths/golden-paths-common';
import useAsync from 'react-use/esm/useAsync';
import { GOLDEN_PATH_LIST_FIELDS } from '../../hooks/goldenPathListFields';
import { editorRouteRef, rootRouteRef } from '../../routes';
import { LifecycleChip } from '../shared/LifecycleChip';
import { AdoptionSnippet } from './AdoptionSnippet';
import { GoldenPathLink } from '../GoldenPathLink';
import { matchingPaths, templateRefsOf } from './matchingPaths';
import { useCardStyles } from './useCardStyles';

function useMatchingPaths(componentType: unknown) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: GOLDEN_PATH_KIND },
      fields: GOLDEN_PATH_LIST_FIELDS,
    });
    const active = items
      .filter(isGoldenPathEntity)
      .filter(path => path.spec.lifecycle !== 'deprecated');
    const templateTypes = new Map<string, string>();
    const refs = templateRefsOf(active);
    if (typeof componentType === 'string' && refs.length > 0) {
      // Templates only sharpen the match; the categories still work when
      // the templates cannot be read.
      try {
        const templates = await catalogApi.getEntitiesByRefs({
          entityRefs: refs,
          fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec.type'],
        });
        templates.items.forEach((template, index) => {
          const type = template?.spec?.type;
          if (typeof type === 'string') {
            templateTypes.set(refs[index], type);
          }
        });
      } catch {
        // fall back to the categories
      }
    }
    return matchingPaths(componentType, active, templateTypes);
  }, [catalogApi, componentType]);
}

function GoldenPathsLinks() {
  const classes = useCardStyles();
  const rootRoute = useRouteRef(rootRouteRef);
  const editorRoute = useRouteRef(editorRouteRef);
  return (
    <Box className={classes.links}>
      <Link to={rootRoute()}>Browse all golden paths</Link>
      <Link to={editorRoute()}>How to write a GoldenPath</Link>
    </Box>
  );
}

function Suggestion(props: {
  path: GoldenPathEntityV1alpha1;
  open: boolean;
  onToggle: () => void;
}) {
  const classes = useCardStyles();
  const { path, open } = props;
  const ref = entityRefKey(path);
  const snippetId = `golden-path-adopt-${ref.replace(/[^a-z0-9-]/g, '-')}`;
  const title = path.metadata.title ?? path.metadata.name;
  return (
    <>
      <ListItem disableGutters className={classes.item}>
        <ListItemText
          primary={
            <span className={classes.line}>
              <GoldenPathLink pathRef={ref}>{title}</GoldenPathLink>
              <LifecycleChip lifecycle={path.spec.lifecycle} />
            </span>
          }
          secondary={[path.metadata.description, `version ${path.spec.version}`]
            .filter(Boolean)
            .join(' · ')}
        />
        <Button
          size="small"
          onClick={props.onToggle}
          aria-expanded={open}
          aria-controls={snippetId}
          aria-label={`How to adopt ${title}`}
          endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        >
          How to adopt
        </Button>
      </ListItem>
      <Collapse in={open} unmountOnExit>
        <Box className={classes.snippet}>
          <AdoptionSnippet path={path} id={snippetId} />
        </Box>
      </Collapse>
    </>
  );
}

/**
 * For a component that follows no path: the paths that fit its type, each
 * with how to adopt it.
 */
export function PathSuggestions(props: { entity: Entity }) {
  const type = props.entity.spec?.type;
  const { loading, error, value: paths } = useMatchingPaths(type);
  // The first suggestion starts open: most components have one fitting path.
  const [open, setOpen] = useState<Record<string, boolean>>({});

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <>
        <Typography variant="body2" gutterBottom>
          This component follows no golden path.
        </Typography>
        <WarningPanel
          defaultExpanded
          severity="error"
          title="Could not load the golden paths to suggest one"
          message={error.message}
        />
        <GoldenPathsLinks />
      </>
    );
  }
  if (!paths || paths.length === 0) {
    return (
      <>
        <Typography variant="body2">
          This component follows no golden path,{' '}
          {typeof type === 'string' && type.trim()
            ? `and none fits components of type “${type}”.`
            : 'and it has no spec.type to find a fitting one by.'}{' '}
          The Golden Paths page lists every supported way to build and run
          software here; a component follows one through the{' '}
          {ANNOTATION_GOLDEN_PATH} annotation.
        </Typography>
        <GoldenPathsLinks />
      </>
    );
  }

  const isOpen = (path: GoldenPathEntityV1alpha1, index: number) =>
    open[stringifyEntityRef(path)] ?? index === 0;
  return (
    <>
      <Typography variant="body2">
        This component follows no golden path.{' '}
        {paths.length === 1
          ? `This one fits components of type “${type}”; adopting it brings the platform team's support:`
          : `These fit components of type “${type}”; adopting one brings the platform team's support:`}
      </Typography>
      <List dense aria-label="Golden paths that fit">
        {paths.map((path, index) => (
          <Suggestion
            key={stringifyEntityRef(path)}
            path={path}
            open={isOpen(path, index)}
            onToggle={() =>
              setOpen(current => ({
                ...current,
                [stringifyEntityRef(path)]: !isOpen(path, index),
              }))
            }
          />
        ))}
      </List>
      <GoldenPathsLinks />
    </>
  );
}

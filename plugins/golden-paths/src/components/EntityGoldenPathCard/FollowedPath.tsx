import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ANNOTATION_GOLDEN_PATH,
  ANNOTATION_GOLDEN_PATH_VERSION,
  type EntityResult,
  parseGoldenPathRef,
} from '@golden-paths/golden-paths-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../../api';
import { DriftBadge } from '../shared/DriftBadge';
import { isBehind } from '../shared/isBehind';
import { LifecycleChip } from '../shared/LifecycleChip';
import { UpgradeButton } from '../UpgradeDialog';
import { CheckList } from './CheckList';
import { GoldenPathLink } from '../GoldenPathLink';
import { relativeTime } from '../shared/relativeTime';
import { useCardStyles } from './useCardStyles';

/** "Follows <path>" from the annotation alone, for when there is no result. */
function AnnotatedPath(props: {
  annotation: string;
  version?: string;
  namespace?: string;
}) {
  const classes = useCardStyles();
  const valid =
    parseGoldenPathRef(props.annotation, props.namespace) !== undefined;
  return (
    <>
      <Typography variant="body1" component="div" className={classes.line}>
        <span>Follows</span>
        <GoldenPathLink
          pathRef={props.annotation}
          defaultNamespace={props.namespace}
        />
        {props.version && <span>at version {props.version}</span>}
      </Typography>
      {!valid && (
        <Box className={classes.section}>
          <WarningPanel
            defaultExpanded
            title={`The ${ANNOTATION_GOLDEN_PATH} annotation is not a golden path reference`}
            message={`“${props.annotation}” should look like goldenpath:default/node-http-service. Fix it in catalog-info.yaml.`}
          />
        </Box>
      )}
    </>
  );
}

function EvaluatedPath(props: { result: EntityResult; name: string }) {
  const classes = useCardStyles();
  const { entityRef, path, drift, checks, evaluatedAt } = props.result;
  const behind = isBehind(drift);
  const passing = checks.filter(c => c.status === 'pass').length;
  const replacement = path.replacedBy ?? drift.replacedBy;
  const evaluated = relativeTime(evaluatedAt);

  return (
    <>
      <Typography variant="body1" component="div" className={classes.line}>
        <span>Follows</span>
        <GoldenPathLink pathRef={path.ref}>
          {path.title ?? parseGoldenPathRef(path.ref)?.name ?? path.ref}
        </GoldenPathLink>
        <LifecycleChip lifecycle={path.lifecycle} />
      </Typography>
      <Typography
        variant="body2"
        component="div"
        className={`${classes.line} ${classes.section}`}
      >
        <span>
          Version {drift.currentVersion ?? 'not set'}, latest{' '}
          {drift.latestVersion}
        </span>
        <DriftBadge drift={drift} />
        {behind && <UpgradeButton entityRef={entityRef} title={props.name} />}
      </Typography>
      {!drift.currentVersion && (
        <Typography variant="body2" color="textSecondary">
          Add the {ANNOTATION_GOLDEN_PATH_VERSION} annotation with the version
          the component meets, so its drift can be followed.
        </Typography>
      )}
      {behind && !drift.deprecated && (
        <Typography variant="body2" color="textSecondary">
          The path moved on since this component adopted it. Upgrade shows what
          version {drift.latestVersion} would change in its repository before
          anything is written.
        </Typography>
      )}
      {drift.deprecated && (
        <Box className={classes.section}>
          <Alert severity="warning">
            This golden path is deprecated.{' '}
            {replacement ? (
              <>
                Move to <GoldenPathLink pathRef={replacement} />; this path's
                page says how to migrate.
              </>
            ) : (
              "This path's page says what to move to."
            )}
          </Alert>
        </Box>
      )}
      <Typography
        variant="subtitle2"
        component="h3"
        className={classes.section}
      >
        {checks.length === 0
          ? 'The path has no checks.'
          : `${passing} of ${checks.length} checks pass`}
      </Typography>
      {checks.length > 0 && <CheckList checks={checks} />}
      {evaluated && (
        <Typography variant="caption" color="textSecondary" component="p">
          Evaluated{' '}
          <time dateTime={evaluatedAt} title={evaluatedAt}>
            {evaluated}
          </time>
        </Typography>
      )}
    </>
  );
}

/**
 * What the Golden Paths backend found for a component that names a path in
 * its annotation, or why there is nothing yet.
 */
export function FollowedPath(props: { entity: Entity; annotation: string }) {
  const classes = useCardStyles();
  const { entity, annotation } = props;
  const api = useApi(goldenPathsApiRef);
  const entityRef = stringifyEntityRef(entity);
  const namespace = entity.metadata.namespace;
  const version =
    entity.metadata.annotations?.[ANNOTATION_GOLDEN_PATH_VERSION]?.trim() ||
    undefined;
  const { loading, error, value, retry } = useAsyncRetry(
    () => api.getEntityResult(entityRef),
    [api, entityRef],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <>
        <AnnotatedPath
          annotation={annotation}
          version={version}
          namespace={namespace}
        />
        <Box className={classes.section}>
          <WarningPanel
            defaultExpanded
            severity="error"
            title="Could not load the golden path checks"
            message={error.message}
          />
          <Button
            variant="outlined"
            size="small"
            onClick={retry}
            className={classes.section}
          >
            Try again
          </Button>
        </Box>
      </>
    );
  }
  if (!value) {
    return (
      <>
        <AnnotatedPath
          annotation={annotation}
          version={version}
          namespace={namespace}
        />
        <Typography variant="body2" className={classes.section}>
          Not evaluated yet. The Golden Paths backend checks every component
          that follows a path on a schedule (every 30 minutes by default), so
          the checks and the drift show here after its next run. If this stays,
          make sure the annotation names a golden path in the catalog that you
          may read: the checks and drift of a path you may not read are not
          shown.
        </Typography>
      </>
    );
  }
  return (
    <EvaluatedPath
      result={value}
      name={entity.metadata.title ?? entity.metadata.name}
    />
  );
}

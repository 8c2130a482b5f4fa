import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import {
  GOLDEN_PATH_KIND,
  type GoldenPathEntityV1alpha1,
  type PathSummary,
  tryParseEntityRef,
} from '@golden-paths/golden-paths-common';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import { Link as RouterLink } from 'react-router-dom';
import { pathRouteRef, templateRouteRef } from '../../routes';
import { GuaranteeIcons } from '../shared/GuaranteeIcon';
import { LifecycleChip } from '../shared/LifecycleChip';
import { RatioBar } from '../shared/RatioBar';
import { readGoldenPath } from './readGoldenPath';
import { countOf } from '../shared/countOf';

/**
 * Props of {@link GoldenPathCard}.
 *
 * @public
 */
export interface GoldenPathCardProps {
  /** The path; may be partial (the editor previews YAML as it is typed). */
  entity: GoldenPathEntityV1alpha1;
  /** Adoption and compliance from the backend; figures are hidden without it. */
  summary?: PathSummary;
  /** Shown where the figures go when there is no summary, e.g. why. */
  insightsNote?: string;
  /** Title of the path in `spec.replacedBy`, shown instead of its ref. */
  replacementTitle?: string;
}

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
  },
  content: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  description: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  deprecation: {
    // The darker (or, on dark backgrounds, lighter) shade keeps text readable.
    color:
      theme.palette.type === 'dark'
        ? theme.palette.warning.light
        : theme.palette.warning.dark,
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  figures: {
    marginTop: 'auto',
  },
  actions: {
    justifyContent: 'flex-end',
  },
}));

// Plain elements with classes rather than MUI Box: Box computes its styles
// per instance, which is what made hundreds of cards slow to render.

function Figures(props: { summary: PathSummary; title: string }) {
  const { adoption, compliant, complianceRatio } = props.summary;
  if (!adoption) {
    return (
      <Typography variant="body2" color="textSecondary">
        No component follows this path yet
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2">
        {countOf(adoption, 'component')} · {compliant} compliant
      </Typography>
      <RatioBar
        value={complianceRatio ?? null}
        label={`Compliance of ${props.title}`}
      />
    </>
  );
}

/**
 * A golden path at a glance: what it is for, its stack and guarantees, who
 * follows it and how well, and a button that starts its template. Makes no
 * API calls, so it also serves as the editor's live preview.
 *
 * @public
 */
export function GoldenPathCard(props: GoldenPathCardProps) {
  const { entity, summary, insightsNote, replacementTitle } = props;
  const classes = useStyles();
  const pathRoute = useRouteRef(pathRouteRef);
  const templateRoute = useRouteRef(templateRouteRef);
  const path = readGoldenPath(entity);
  const { namespace } = path;

  const pathLink = path.name
    ? pathRoute({ namespace, name: path.name })
    : undefined;

  const replacement = tryParseEntityRef(path.replacedBy, {
    defaultKind: GOLDEN_PATH_KIND,
    defaultNamespace: namespace,
  });
  const owner = tryParseEntityRef(path.owner, {
    defaultKind: 'group',
    defaultNamespace: namespace,
  });
  const template = tryParseEntityRef(path.templates[0], {
    defaultKind: 'template',
    defaultNamespace: namespace,
  });
  const deprecated = path.lifecycle === 'deprecated';
  // New work should not start on a deprecated path: the card points to the
  // replacement instead.
  const startLink =
    templateRoute && template && !deprecated
      ? templateRoute({
          namespace: template.namespace,
          templateName: template.name,
        })
      : undefined;

  return (
    <Card className={classes.card} data-testid="golden-path-card">
      <CardContent className={classes.content}>
        <div className={classes.header}>
          <div>
            <Typography variant="h6" component="h3">
              {pathLink ? <Link to={pathLink}>{path.title}</Link> : path.title}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {[path.category, path.version && `v${path.version}`]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          </div>
          {path.lifecycle && <LifecycleChip lifecycle={path.lifecycle} />}
        </div>

        {deprecated && (
          <Typography variant="body2" className={classes.deprecation}>
            Deprecated
            {replacement && (
              <>
                {': use '}
                <Link
                  to={pathRoute({
                    namespace: replacement.namespace,
                    name: replacement.name,
                  })}
                >
                  {replacementTitle ??
                    humanizeEntityRef(replacement, {
                      defaultKind: GOLDEN_PATH_KIND,
                      defaultNamespace: namespace,
                    })}
                </Link>
                {' instead'}
              </>
            )}
          </Typography>
        )}

        {path.description && (
          <Typography
            variant="body2"
            className={classes.description}
            title={path.description}
          >
            {path.description}
          </Typography>
        )}

        {owner && (
          <Typography variant="body2">
            Owner:{' '}
            {/* The ref as text: the display name would cost an API call per card. */}
            <EntityRefLink entityRef={owner}>
              {humanizeEntityRef(owner, {
                defaultKind: 'group',
                defaultNamespace: namespace,
              })}
            </EntityRefLink>
          </Typography>
        )}

        {path.stack.length > 0 && (
          <div className={classes.chips} aria-label="Stack" role="list">
            {path.stack.map(({ key, value }) => (
              <Chip
                key={key}
                role="listitem"
                size="small"
                variant="outlined"
                label={value}
                title={`${key}: ${value}`}
                aria-label={`${key}: ${value}`}
              />
            ))}
          </div>
        )}

        {path.guarantees.length > 0 && <GuaranteeIcons ids={path.guarantees} />}

        <div className={classes.figures}>
          {summary && <Figures summary={summary} title={path.title} />}
          {!summary && insightsNote && (
            <Typography variant="caption" color="textSecondary">
              {insightsNote}
            </Typography>
          )}
        </div>
      </CardContent>
      {startLink && (
        <CardActions className={classes.actions}>
          <Button
            component={RouterLink}
            to={startLink}
            color="primary"
            variant="contained"
            size="small"
            startIcon={<PlayArrowIcon />}
            aria-label={`Start ${path.title}`}
          >
            Start
          </Button>
        </CardActions>
      )}
    </Card>
  );
}

import { InfoCard } from '@backstage/core-components';
import type { PathDetails } from '@golden-paths/golden-paths-common';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { relativeTime } from '../shared/relativeTime';

const useStyles = makeStyles(theme => ({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: theme.spacing(2),
    margin: 0,
  },
  figure: { margin: 0, display: 'flex', flexDirection: 'column-reverse' },
  value: { margin: 0 },
}));

/** One number with what it counts, as a description-list group. */
function Figure(props: { label: string; value: ReactNode; detail?: string }) {
  const classes = useStyles();
  return (
    <div className={classes.figure}>
      <dt>
        <Typography variant="body2" color="textSecondary" component="span">
          {props.label}
        </Typography>
        {props.detail && (
          <Typography
            variant="caption"
            color="textSecondary"
            component="span"
            display="block"
          >
            {props.detail}
          </Typography>
        )}
      </dt>
      <dd className={classes.value}>
        <Typography variant="h4" component="span">
          {props.value}
        </Typography>
      </dd>
    </div>
  );
}

function percent(ratio: number | null): string {
  return ratio === null ? '–' : `${Math.round(ratio * 100)}%`;
}

/**
 * A path's headline figures: followers, compliant followers, who is behind on
 * the path's version, and when they were evaluated.
 */
export function GoldenPathFigures(props: { details: PathDetails }) {
  const { details } = props;
  const classes = useStyles();
  const { drift } = details;
  const behind =
    drift['patch-behind'] + drift['minor-behind'] + drift['major-behind'];
  const evaluated = details.evaluatedAt && (
    <time
      dateTime={details.evaluatedAt}
      title={new Date(details.evaluatedAt).toLocaleString()}
    >
      {relativeTime(details.evaluatedAt) ?? details.evaluatedAt}
    </time>
  );
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Adoption and compliance"
      subheader={evaluated ? <>Evaluated {evaluated}</> : 'Not evaluated yet'}
    >
      <dl className={classes.figures} role="group" aria-label="Figures">
        <Figure label="Followers" value={details.adoption} />
        <Figure
          label="Compliant"
          value={percent(details.complianceRatio)}
          detail={`${details.compliant} of ${details.adoption} pass every check`}
        />
        <Figure label="Up to date" value={drift['up-to-date']} />
        <Figure
          label="Behind"
          value={behind}
          detail={`${drift['major-behind']} major · ${drift['minor-behind']} minor · ${drift['patch-behind']} patch`}
        />
        {(drift.deprecated > 0 || details.lifecycle === 'deprecated') && (
          <Figure label="On a deprecated path" value={drift.deprecated} />
        )}
        {drift.ahead > 0 && <Figure label="Ahead" value={drift.ahead} />}
        {drift.unknown > 0 && (
          <Figure
            label="Version unknown"
            value={drift.unknown}
            detail="no golden-paths.dev/path-version"
          />
        )}
      </dl>
    </InfoCard>
  );
}

import { InfoCard } from '@backstage/core-components';
import type { GoldenPathStep } from '@golden-paths/golden-paths-common';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { SafeMarkdown } from '../shared/SafeMarkdown';

const useStyles = makeStyles(theme => ({
  steps: { margin: 0, padding: 0, listStyle: 'none', counterReset: 'step' },
  step: {
    display: 'grid',
    gridTemplateColumns: `${theme.spacing(4)}px 1fr`,
    columnGap: theme.spacing(2),
    paddingBottom: theme.spacing(2),
    '& + &': {
      borderTop: `1px solid ${theme.palette.divider}`,
      paddingTop: theme.spacing(2),
    },
  },
  number: {
    width: theme.spacing(4),
    height: theme.spacing(4),
    borderRadius: '50%',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: theme.palette.primary.main,
    color: theme.palette.primary.contrastText,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  body: { minWidth: 0 },
}));

/** The steps a developer takes on the path, numbered, each in Markdown. */
export function GoldenPathStepsCard(props: {
  steps?: ReadonlyArray<GoldenPathStep>;
}) {
  const classes = useStyles();
  const steps = props.steps ?? [];
  return (
    <InfoCard titleTypographyProps={{ component: 'h2' }} title="Steps">
      {steps.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          This path lists no steps yet: its <code>spec.steps</code> is empty.
        </Typography>
      ) : (
        <ol className={classes.steps} aria-label="Steps">
          {steps.map((step, index) => (
            <li key={`${index}-${step.title}`} className={classes.step}>
              <span className={classes.number} aria-hidden="true">
                {index + 1}
              </span>
              <div className={classes.body}>
                <Typography variant="h6" component="h3">
                  {step.title}
                </Typography>
                {step.description && (
                  <SafeMarkdown content={step.description} dialect="gfm" />
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </InfoCard>
  );
}

import type { HistoryPoint } from '@golden-paths/golden-paths-common';
import Box from '@material-ui/core/Box';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useId } from 'react';
import {
  complianceRuns,
  dayTime,
  niceMax,
  percent,
  shortDay,
  summarize,
} from './scales';
import { useVisuallyHiddenStyles } from '../shared/visuallyHidden';

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 16, right: 56, bottom: 32, left: 48 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

const useStyles = makeStyles(theme => ({
  svg: { width: '100%', height: 'auto', display: 'block', overflow: 'visible' },
  axisText: {
    fill: theme.palette.text.secondary,
    fontSize: 11,
    fontFamily: theme.typography.fontFamily,
  },
  grid: { stroke: theme.palette.divider, strokeWidth: 1 },
  legend: {
    display: 'flex',
    gap: theme.spacing(3),
    flexWrap: 'wrap',
    marginBottom: theme.spacing(1),
  },
  swatch: {
    display: 'inline-block',
    width: 24,
    height: 0,
    borderTopWidth: 3,
    marginRight: theme.spacing(1),
    verticalAlign: 'middle',
  },
}));

/**
 * Adoption (followers, left axis) and compliance (% of followers passing
 * every check, right axis) per day, as a small SVG line chart with a data
 * table for screen readers.
 */
export function GoldenPathHistoryChart(props: {
  points: ReadonlyArray<HistoryPoint>;
}) {
  const classes = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const theme = useTheme();
  const id = useId();
  const points = [...props.points].sort(
    (a, b) => dayTime(a.day) - dayTime(b.day),
  );
  const adoptionColor = theme.palette.primary.main;
  const complianceColor = theme.palette.secondary.main;

  const first = dayTime(points[0]?.day ?? '');
  const last = dayTime(points[points.length - 1]?.day ?? '');
  const span = last - first;
  const x = (day: string) =>
    MARGIN.left +
    (span > 0 ? ((dayTime(day) - first) / span) * PLOT_W : PLOT_W / 2);
  const maxAdoption = niceMax(Math.max(0, ...points.map(p => p.adoption)));
  const yAdoption = (n: number) =>
    MARGIN.top + PLOT_H - (n / maxAdoption) * PLOT_H;
  const yRatio = (r: number) => MARGIN.top + PLOT_H - r * PLOT_H;

  const adoption = points.map(p => ({
    day: p.day,
    x: x(p.day),
    y: yAdoption(p.adoption),
  }));
  const compliance = points.map(p => ({
    day: p.day,
    ratio: p.complianceRatio,
    x: x(p.day),
    y: p.complianceRatio === null ? 0 : yRatio(p.complianceRatio),
  }));
  const xLabels =
    points.length <= 2
      ? points
      : [
          points[0],
          points[Math.floor(points.length / 2)],
          points[points.length - 1],
        ];
  const line = (ps: ReadonlyArray<{ x: number; y: number }>) =>
    ps.map(p => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

  return (
    <Box>
      <div className={classes.legend} aria-hidden="true">
        <Typography variant="caption">
          <span
            className={classes.swatch}
            style={{ borderTop: `3px solid ${adoptionColor}` }}
          />
          Followers (left axis)
        </Typography>
        <Typography variant="caption">
          <span
            className={classes.swatch}
            style={{ borderTop: `3px dashed ${complianceColor}` }}
          />
          Compliant, % of followers (right axis)
        </Typography>
      </div>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>Adoption and compliance over time</title>
        <desc id={`${id}-desc`}>{summarize(points)}</desc>
        {[0, 0.5, 1].map(f => {
          const y = MARGIN.top + PLOT_H - f * PLOT_H;
          return (
            <g key={f}>
              <line
                className={classes.grid}
                x1={MARGIN.left}
                x2={MARGIN.left + PLOT_W}
                y1={y}
                y2={y}
              />
              <text
                className={classes.axisText}
                x={MARGIN.left - 8}
                y={y}
                textAnchor="end"
                dominantBaseline="middle"
              >
                {maxAdoption * f}
              </text>
              <text
                className={classes.axisText}
                x={MARGIN.left + PLOT_W + 8}
                y={y}
                textAnchor="start"
                dominantBaseline="middle"
              >
                {`${f * 100}%`}
              </text>
            </g>
          );
        })}
        {xLabels.map(p => (
          <text
            key={p.day}
            className={classes.axisText}
            x={x(p.day)}
            y={HEIGHT - 8}
            textAnchor="middle"
          >
            {shortDay(p.day)}
          </text>
        ))}
        {adoption.length > 1 && (
          <polyline
            points={line(adoption)}
            fill="none"
            stroke={adoptionColor}
            strokeWidth={2}
          />
        )}
        {complianceRuns(compliance)
          .filter(run => run.length > 1)
          .map(run => (
            <polyline
              key={run[0].day}
              points={line(run)}
              fill="none"
              stroke={complianceColor}
              strokeWidth={2}
              strokeDasharray="6 4"
            />
          ))}
        {adoption.map((p, i) => (
          <circle
            key={p.day}
            cx={p.x}
            cy={p.y}
            r={3.5}
            fill={adoptionColor}
            data-testid="history-point-adoption"
          >
            <title>{`${shortDay(p.day)}: ${
              points[i].adoption
            } followers`}</title>
          </circle>
        ))}
        {compliance.map(p =>
          p.ratio === null ? null : (
            <rect
              key={p.day}
              x={p.x - 3.5}
              y={p.y - 3.5}
              width={7}
              height={7}
              fill={complianceColor}
              data-testid="history-point-compliance"
            >
              <title>{`${shortDay(p.day)}: ${percent(
                p.ratio,
              )} compliant`}</title>
            </rect>
          ),
        )}
      </svg>
      <table className={hidden.visuallyHidden}>
        <caption>Adoption and compliance per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Followers</th>
            <th scope="col">Compliant followers</th>
            <th scope="col">Compliance</th>
          </tr>
        </thead>
        <tbody>
          {points.map(p => (
            <tr key={p.day}>
              <th scope="row">{p.day}</th>
              <td>{p.adoption}</td>
              <td>{p.compliant}</td>
              <td>{percent(p.complianceRatio)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

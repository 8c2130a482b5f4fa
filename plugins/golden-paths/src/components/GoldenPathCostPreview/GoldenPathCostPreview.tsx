import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  type CostEstimate,
  type CostMessage,
  type CostPrices,
  estimateMonthlyCost,
  HOURS_PER_MONTH,
} from './estimateMonthlyCost';
import { formatMoney, formatUnitPrice } from './formatMoney';
import {
  type GoldenPathCostPreviewUiOptions,
  readCostInputs,
} from './readCostInputs';
import { useCostPrices } from './useCostPrices';
import { countOf } from '../shared/countOf';

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(2),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  figure: {
    margin: theme.spacing(1, 0, 0.5),
  },
  messages: {
    marginTop: theme.spacing(1),
    '& > * + *': { marginTop: theme.spacing(1) },
  },
  list: {
    margin: 0,
    paddingLeft: theme.spacing(2.5),
  },
}));

function formatCpu(cores: number): string {
  return `${Number(cores.toFixed(3))} vCPU`;
}

function formatMemory(gib: number): string {
  return gib < 1
    ? `${Number((gib * 1024).toFixed(1))} MiB`
    : `${Number(gib.toFixed(2))} GiB`;
}

function rangeText(estimate: CostEstimate, currency: string): string {
  const min = formatMoney(estimate.min, currency);
  const max = formatMoney(estimate.max, currency);
  return min === max ? min : `${min} – ${max}`;
}

function replicaText(estimate: CostEstimate, currency: string): string {
  const perReplica = `${formatMoney(
    estimate.perReplica,
    currency,
  )} per replica (${formatCpu(estimate.cpuCores)} and ${formatMemory(
    estimate.memoryGiB,
  )} requested)`;
  if (estimate.replicasAssumed) {
    return `${perReplica}, for one replica running all month.`;
  }
  if (estimate.autoscaled) {
    return `${perReplica} × ${estimate.minReplicas} to ${estimate.maxReplicas} replicas as the autoscaler scales out.`;
  }
  const count = estimate.minReplicas;
  return `${perReplica} × ${countOf(count, 'replica')}.`;
}

function basisText(prices: CostPrices): string {
  return `Requests × ${HOURS_PER_MONTH} hours a month at ${formatUnitPrice(
    prices.cpuCoreHour,
    prices.currency,
  )} per vCPU-hour and ${formatUnitPrice(
    prices.memoryGiBHour,
    prices.currency,
  )} per GiB-hour, on-demand list prices. Storage, network, GPUs and load balancers are not included.`;
}

function Messages(props: {
  severity: 'error' | 'warning' | 'info';
  title?: string;
  messages: CostMessage[];
}) {
  const classes = useStyles();
  const { messages } = props;
  if (messages.length === 0) {
    return null;
  }
  return (
    <Alert severity={props.severity}>
      {props.title && <strong>{props.title} </strong>}
      {messages.length === 1 ? (
        messages[0].message
      ) : (
        <ul className={classes.list}>
          {messages.map(m => (
            <li key={m.message}>{m.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/**
 * A read-only scaffolder field: the estimated monthly cost of the workload
 * the form describes, from the requests and replica range in the other
 * fields, updated as they change. It reads the whole form through
 * `formContext.formData` and never sets a value of its own, so nothing of it
 * reaches the task.
 *
 * @public
 */
export function GoldenPathCostPreview(
  props: FieldExtensionComponentProps<
    null | undefined,
    GoldenPathCostPreviewUiOptions
  >,
) {
  const classes = useStyles();
  const prices = useCostPrices();
  const { schema, uiSchema, formContext, registry, idSchema } = props;
  const { inputs, labels } = readCostInputs(
    formContext?.formData,
    registry?.rootSchema,
    uiSchema?.['ui:options'],
  );
  const { estimate, missing, problems, warnings } = estimateMonthlyCost(
    inputs,
    prices,
    labels,
  );
  const titleId = `${idSchema?.$id ?? 'golden-path-cost-preview'}-title`;

  return (
    <Box
      component="section"
      className={classes.root}
      aria-labelledby={titleId}
      data-testid="golden-path-cost-preview"
    >
      <Typography variant="subtitle1" component="h3" id={titleId}>
        {schema?.title ?? 'Estimated cost'}
      </Typography>
      {schema?.description && (
        <Typography variant="body2" color="textSecondary">
          {schema.description}
        </Typography>
      )}
      <div aria-live="polite">
        {estimate && (
          <>
            <Typography
              variant="h5"
              component="p"
              className={classes.figure}
              data-testid="cost-range"
            >
              {rangeText(estimate, prices.currency)} per month
            </Typography>
            <Typography variant="body2">
              {replicaText(estimate, prices.currency)}
            </Typography>
          </>
        )}
        {!estimate && problems.length === 0 && (
          <Typography variant="body2" className={classes.figure}>
            {missing.map(m => m.message).join(' ')} The estimate appears as soon
            as the inputs are complete.
          </Typography>
        )}
      </div>
      <div className={classes.messages}>
        <Messages severity="error" title="No estimate:" messages={problems} />
        <Messages severity="warning" messages={warnings} />
      </div>
      <Typography
        variant="caption"
        color="textSecondary"
        component="p"
        className={classes.figure}
      >
        {basisText(prices)}
      </Typography>
    </Box>
  );
}

import { Progress } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { useEffect, useId, useRef, useState } from 'react';
import { UpgradeErrorNote } from './UpgradeErrorNote';
import { UpgradePlanView } from './UpgradePlanView';
import { UpgradeResultView } from './UpgradeResultView';
import { useUpgrade } from './useUpgrade';

const RUN_LABEL = {
  'local-branch': 'Create upgrade branch',
  'pull-request': 'Open pull request',
} as const;

const RUNNING_LABEL = {
  'local-branch': 'Creating the upgrade branch…',
  'pull-request': 'Opening the pull request…',
} as const;

/**
 * The dialog's inside, mounted only while it is open so each opening plans
 * afresh and forgets an earlier run.
 */
function UpgradeDialogBody(props: {
  entityRef: string;
  titleId: string;
  name: string;
  onClose: () => void;
  onRunningChange: (running: boolean) => void;
}) {
  const { entityRef, onRunningChange } = props;
  const { plan, retryPlan, run, start } = useUpgrade(entityRef);
  useEffect(() => onRunningChange(run.loading), [run.loading, onRunningChange]);
  const closeRef = useRef<HTMLButtonElement>(null);
  const done = !!run.value;
  useEffect(() => {
    // The run button the focus was on is gone: hand the focus to Close.
    if (done) {
      closeRef.current?.focus();
    }
  }, [done]);

  let content;
  if (plan.loading) {
    content = <Progress />;
  } else if (plan.error) {
    content = (
      <UpgradeErrorNote error={plan.error} step="plan" onRetry={retryPlan} />
    );
  } else if (run.value) {
    content = <UpgradeResultView result={run.value} />;
  } else if (plan.value) {
    const kind = plan.value.delivery.kind;
    content = (
      <>
        {run.loading && (
          <div role="status">
            <LinearProgress />
            <Typography variant="body2">{RUNNING_LABEL[kind]}</Typography>
          </div>
        )}
        {run.error && (
          <UpgradeErrorNote error={run.error} step="run" onRetry={start} />
        )}
        <UpgradePlanView plan={plan.value} />
      </>
    );
  }

  const runnable = plan.value && !plan.error && !run.value;
  return (
    <>
      <DialogTitle id={props.titleId}>Upgrade {props.name}</DialogTitle>
      <DialogContent dividers>{content}</DialogContent>
      <DialogActions>
        <Button ref={closeRef} onClick={props.onClose} disabled={run.loading}>
          {run.value ? 'Close' : 'Cancel'}
        </Button>
        {runnable && plan.value && (
          <Button
            variant="contained"
            color="primary"
            onClick={start}
            disabled={run.loading}
          >
            {RUN_LABEL[plan.value.delivery.kind]}
          </Button>
        )}
      </DialogActions>
    </>
  );
}

/**
 * Upgrades one component to its path's current version: shows the plan (a
 * dry three-way merge) and writes nothing until the reader runs it, then
 * says where the upgrade went and what is left to resolve.
 */
export function UpgradeDialog(props: {
  /** The component to upgrade. */
  entityRef: string;
  /** How to name the component in the title; its ref by default. */
  title?: string;
  open: boolean;
  onClose: () => void;
}) {
  const titleId = useId();
  const [running, setRunning] = useState(false);
  return (
    <Dialog
      open={props.open}
      // Closing mid-run would lose where the upgrade went.
      onClose={running ? undefined : props.onClose}
      maxWidth="md"
      fullWidth
      scroll="paper"
      aria-labelledby={titleId}
    >
      <UpgradeDialogBody
        entityRef={props.entityRef}
        titleId={titleId}
        name={props.title ?? props.entityRef}
        onClose={props.onClose}
        onRunningChange={setRunning}
      />
    </Dialog>
  );
}

import { WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { errorMessage } from '../shared/errorStatus';
import { upgradeErrorTitle } from './upgradeErrorTitle';

/** An upgrade's error with the backend's own sentence and a way to try again. */
export function UpgradeErrorNote(props: {
  error: Error;
  step: 'plan' | 'run';
  onRetry: () => void;
}) {
  return (
    <Box mb={2}>
      <WarningPanel
        defaultExpanded
        severity="error"
        title={upgradeErrorTitle(props.error, props.step)}
        message={errorMessage(props.error)}
      />
      <Box mt={1}>
        <Button variant="outlined" size="small" onClick={props.onRetry}>
          Try again
        </Button>
      </Box>
    </Box>
  );
}

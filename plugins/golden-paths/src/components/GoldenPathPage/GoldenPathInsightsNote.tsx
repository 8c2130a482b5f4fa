import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type { GoldenPathInsightsProblem } from './useGoldenPathDetails';

const TEXT: Record<
  GoldenPathInsightsProblem['reason'],
  { severity: 'info' | 'warning'; title: string; body: string }
> = {
  'not-evaluated': {
    severity: 'info',
    title: 'Not evaluated yet',
    body: 'The Golden Paths backend has not evaluated this path yet. Adoption, compliance, followers and history appear after its next evaluation.',
  },
  'not-allowed': {
    severity: 'warning',
    title: 'Figures unavailable',
    body: 'You may not read this path’s adoption, compliance and followers.',
  },
  unavailable: {
    severity: 'warning',
    title: 'Figures unavailable',
    body: 'The Golden Paths backend did not answer, so adoption, compliance and followers are not shown. What the catalog says about the path is below.',
  },
};

/** Why a path's figures are missing, with the backend's own words. */
export function GoldenPathInsightsNote(props: {
  problem: GoldenPathInsightsProblem;
  onRetry?: () => void;
}) {
  const { problem, onRetry } = props;
  const text = TEXT[problem.reason];
  return (
    <Alert
      severity={text.severity}
      action={
        onRetry && problem.reason === 'unavailable' ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{text.title}</AlertTitle>
      {text.body}
      {problem.reason !== 'not-evaluated' && problem.error.message && (
        <> ({problem.error.message})</>
      )}
    </Alert>
  );
}

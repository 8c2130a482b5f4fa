import { WarningPanel } from '@backstage/core-components';

function reason(error: Error): string {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (status === 404) {
    return 'The Golden Paths backend is not installed in this portal, so only the catalog is shown.';
  }
  if (status === 401 || status === 403) {
    return 'You are not allowed to read them; ask the platform team for access.';
  }
  return `The Golden Paths backend did not answer: ${error.message}`;
}

/** Why the page lists paths without adoption and compliance. */
export function InsightsUnavailable(props: { error: Error }) {
  return (
    <WarningPanel
      severity="info"
      title="Adoption and compliance figures are unavailable"
      message={reason(props.error)}
    />
  );
}

import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { CheckStatus } from '@golden-paths/golden-paths-common';

/** Pass, fail or unknown as Backstage's status icons, with words for screen readers. */
export function CheckStatusIcon(props: { status: CheckStatus }) {
  switch (props.status) {
    case 'pass':
      return (
        <StatusOK aria-hidden={false} aria-label="pass">
          pass
        </StatusOK>
      );
    case 'fail':
      return (
        <StatusError aria-hidden={false} aria-label="fail">
          fail
        </StatusError>
      );
    default:
      return (
        <StatusWarning aria-hidden={false} aria-label="unknown">
          unknown
        </StatusWarning>
      );
  }
}

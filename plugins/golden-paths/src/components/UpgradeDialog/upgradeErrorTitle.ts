import { errorStatus } from '../shared/errorStatus';

/**
 * The heading of an upgrade error. The backend answers 404 when no plan can
 * be made (not a follower, or no scaffold record to know the old version's
 * values) and 409 when the component is already on the path's version.
 */
export function upgradeErrorTitle(error: Error, step: 'plan' | 'run'): string {
  const status = errorStatus(error);
  if (status === 409) {
    return step === 'plan'
      ? 'Nothing to upgrade'
      : 'The upgrade could not be run';
  }
  if (status === 404) {
    return 'No upgrade can be planned for this component';
  }
  return step === 'plan'
    ? 'Could not plan the upgrade'
    : 'The upgrade could not be run';
}

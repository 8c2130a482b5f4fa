import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/** Every 30 minutes, 10 minutes at most, first run 30 seconds after start. */
export const DEFAULT_EVALUATION_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 30 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 30 },
  };

/** `goldenPaths.evaluation.schedule`, or the default. */
export function readEvaluationSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig('goldenPaths.evaluation.schedule');
  return schedule
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
    : DEFAULT_EVALUATION_SCHEDULE;
}

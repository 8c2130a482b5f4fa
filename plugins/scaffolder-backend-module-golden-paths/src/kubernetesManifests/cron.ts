const CRON_MACRO =
  /^@(?:yearly|annually|monthly|weekly|daily|midnight|hourly)$/;
const CRON_FIELD = /^[0-9A-Za-z*?/,-]+$/;

/**
 * Whether a CronJob schedule has the shape Kubernetes takes: five fields
 * (of digits, names, `*`, `?`, `/`, `,` and `-`) or a macro such as
 * `@hourly`. The values of the fields are left to the API server.
 */
export function isCronSchedule(schedule: string): boolean {
  const trimmed = schedule.trim();
  if (CRON_MACRO.test(trimmed)) {
    return true;
  }
  const fields = trimmed.split(/\s+/);
  return fields.length === 5 && fields.every(f => CRON_FIELD.test(f));
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "5 minutes ago", "yesterday" or "just now" for an ISO time; undefined when
 * the text is not a time.
 */
export function relativeTime(
  iso: string,
  now: number = Date.now(),
): string | undefined {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) {
    return undefined;
  }
  const seconds = Math.round((then - now) / 1000);
  // Clocks of browser and backend drift a little: a time slightly in the
  // future is "just now" rather than "in 3 seconds".
  if (Math.abs(seconds) < 60) {
    return 'just now';
  }
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

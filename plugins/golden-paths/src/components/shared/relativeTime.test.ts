import { relativeTime } from './relativeTime';

const now = Date.parse('2025-06-01T12:00:00Z');

describe('relativeTime', () => {
  it.each([
    ['2025-06-01T11:59:30Z', 'just now'],
    ['2025-06-01T12:00:20Z', 'just now'],
    ['2025-06-01T11:55:00Z', '5 minutes ago'],
    ['2025-06-01T10:00:00Z', '2 hours ago'],
    ['2025-05-31T12:00:00Z', 'yesterday'],
    ['2025-05-18T12:00:00Z', '2 weeks ago'],
    ['2025-03-01T12:00:00Z', '3 months ago'],
    ['2023-06-01T12:00:00Z', '2 years ago'],
  ])('words %s as %p', (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });

  it('returns undefined for what is not a time', () => {
    expect(relativeTime('yesterday-ish', now)).toBeUndefined();
  });
});

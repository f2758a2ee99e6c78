import { describe, expect, it } from 'vitest';
import { localDateOf, periodOf } from '../../shared/calendar/period.ts';

describe('the machine time zone', () => {
  it('is whatever the project says, and the calendar ignores it', () => {
    if (process.env['TZ'] === 'America/Los_Angeles') {
      // Proves the zone really changed for this run (PST is UTC-8 in January).
      expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(480);
    }
    const lastEveningOfMarch = Date.parse('2026-03-31T16:30:00Z'); // 23:30 in Hà Nội
    expect(localDateOf(lastEveningOfMarch)).toBe('2026-03-31');
    expect(periodOf(lastEveningOfMarch, 'month')).toBe('2026-03');
  });
});

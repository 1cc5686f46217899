import { describe, expect, it } from 'vitest';
import { formatDay, formatInt, formatYen, parseDay } from './format';

describe('numbers', () => {
  it('groups digits the Indian way for Hindi and in threes otherwise', () => {
    expect(formatInt('hi', 12345678)).toBe('1,23,45,678');
    expect(formatInt('en', 12345678)).toBe('12,345,678');
    expect(formatInt('ja', 12345678)).toBe('12,345,678');
    expect(formatInt('hi', 999)).toBe('999');
  });
  it('writes yen with ¥ and the language grouping', () => {
    expect(formatYen('en', 6500000)).toBe('¥6,500,000');
    expect(formatYen('ja', 6500000)).toBe('¥6,500,000');
    expect(formatYen('hi', 6500000)).toBe('¥65,00,000');
    expect(formatYen('en', 0)).toBe('¥0');
  });
});

describe('dates', () => {
  it('writes calendar days in each language’s form', () => {
    expect(formatDay('en', '2026-11-26')).toBe('26 Nov 2026');
    expect(formatDay('ja', '2026-11-26')).toBe('2026年11月26日');
    expect(formatDay('hi', '2026-11-26')).toBe('26 नवंबर 2026');
  });
  it('keeps the calendar day whatever the time zone', () => {
    expect(formatDay('en', '2027-01-01')).toBe('1 Jan 2027');
  });
  it('shows an unreadable day as it is', () => {
    expect(parseDay('26/11/2026')).toBeNull();
    expect(formatDay('en', 'soon')).toBe('soon');
  });
});

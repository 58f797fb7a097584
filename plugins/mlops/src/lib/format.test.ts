import { formatDuration, formatMetric, formatTime } from './format';

describe('format', () => {
  it('formats durations for people', () => {
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(200)).toBe('3m 20s');
    expect(formatDuration(3900)).toBe('1h 5m');
    expect(formatDuration(7200)).toBe('2h');
    expect(formatDuration(90000)).toBe('1d 1h');
    expect(formatDuration(-1)).toBe('-');
  });

  it('formats metrics with a few significant digits', () => {
    expect(formatMetric(0.912345678)).toBe('0.9123');
    expect(formatMetric(12)).toBe('12');
    expect(formatMetric('n/a')).toBe('n/a');
  });

  it('keeps unknown times readable', () => {
    expect(formatTime(undefined)).toBe('-');
    expect(formatTime('not a date')).toBe('not a date');
    expect(formatTime('2026-04-12T08:00:00Z')).toMatch(/2026/);
  });
});

/** `1h 5m`, `3m 20s`, `45s`: a duration in seconds for people. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '-';
  const s = Math.round(seconds);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const secs = s % 60;
  if (days > 0) return hours ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes ? `${hours}h ${minutes}m` : `${hours}h`;
  if (minutes > 0) return secs ? `${minutes}m ${secs}s` : `${minutes}m`;
  return `${secs}s`;
}

/** An ISO 8601 time as a short local date and time, or `-`. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '-';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A metric value: numbers with at most 4 significant decimals. */
export function formatMetric(value: string | number): string {
  if (typeof value !== 'number') return value;
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

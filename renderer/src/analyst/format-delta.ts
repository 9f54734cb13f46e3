import { formatSignificant } from '../model/format';

/** Format a signed difference with a true minus sign and an explicit plus ("+0.3", "−12"). */
export function formatDelta(d: number): string {
  if (d === 0) return '0';
  return `${d > 0 ? '+' : '−'}${formatSignificant(Math.abs(d))}`;
}

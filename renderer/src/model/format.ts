import type { LeverDef } from '../../../engine';

function decimalsOf(step: number): number {
  if (step >= 1 || step <= 0) return 0;
  return Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
}

// "1 priority", not "1 priorities"; units such as FTE or "score 1–5" stay as they are.
function singular(unit: string): string {
  if (/^[a-z]+ies$/.test(unit)) return `${unit.slice(0, -3)}y`;
  if (/^[a-z]+s$/.test(unit)) return unit.slice(0, -1);
  return unit;
}

/** Return whether a lever's unit is a share shown as a percentage. */
export function isShareUnit(unit: string): boolean {
  return unit === 'share' || unit === '%' || unit === 'percent' || unit === 'proportion';
}

/** Return a lever's value as a person reads it: the option's label, a percentage, or a number with its unit. */
export function formatLeverValue(def: LeverDef, value: number): string {
  const option = def.options?.find((o) => o.value === value);
  if (option) return option.label;
  if (isShareUnit(def.unit) && def.max <= 1) return `${Math.round(value * 100)}%`;
  const n = value.toFixed(decimalsOf(def.step));
  // "2.0 of 5" reads better than "2.0 score 1–5".
  const score = /^score \d+[–-](\d+)$/.exec(def.unit);
  if (score) return `${n} of ${score[1]}`;
  return def.unit ? `${n} ${value === 1 ? singular(def.unit) : def.unit}` : n;
}

/** Return a number with a fixed count of decimals, and a true minus sign for negatives. */
export function formatNumber(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return '—';
  const s = Math.abs(value).toFixed(decimals);
  return value < 0 && Number(s) !== 0 ? `−${s}` : s;
}

/** Format a number with up to three significant decimals, no trailing zeros (en-GB digits). */
export function formatSignificant(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Return a week count as years and months ("2 years 3 months"), or "never" for −1 / not reached. */
export function formatWeeks(weeks: number): string {
  if (!Number.isFinite(weeks) || weeks < 0) return 'not reached';
  const months = Math.round(weeks / 4.345);
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts = [];
  if (y > 0) parts.push(`${y} year${y === 1 ? '' : 's'}`);
  if (m > 0 || y === 0) parts.push(`${m} month${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}

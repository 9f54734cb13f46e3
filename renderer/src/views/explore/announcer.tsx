import { memo, useEffect, useState } from 'react';
import type { RunResult } from '../../../../engine';
import { formatKpi, formatKpiDelta, KPI_TABLE, kpiValue } from '../../components/kpi-meta';

const ANNOUNCED = ['maturity', 'weeksToGoal'];

/** Return one sentence on how the current settings compare with the baseline, for screen readers, led by what the figures are. */
export function summarise(current: RunResult, baseline: RunResult | null, basis = ''): string {
  return (basis ? `${basis}. ` : '') + KPI_TABLE.filter((k) => ANNOUNCED.includes(k.id))
    .map((k) => {
      const v = kpiValue(current, k.ids);
      const b = baseline ? kpiValue(baseline, k.ids) : undefined;
      const delta = formatKpiDelta(k, v, b);
      return `${k.label}: ${formatKpi(k, v)}${delta ? ` (${delta.replace('−', 'minus ')} against the scenario)` : ''}`;
    })
    .join('. ');
}

/** Props of Announcer. */
export interface AnnouncerProps {
  readonly current: RunResult | null;
  readonly baseline: RunResult | null;
  /** What the figures are (the typical outcome or the quick estimate), said first. */
  readonly basis?: string;
  /** Whether the settings are still moving; nothing is announced until they settle. */
  readonly settling: boolean;
}

/**
 * Announce the headline result to screen readers once a lever change has settled, not on every
 * frame of a drag (which would drown the reader).
 */
export const Announcer = memo(function Announcer({ current, baseline, basis, settling }: AnnouncerProps) {
  const [text, setText] = useState('');
  useEffect(() => {
    if (settling || !current) return;
    const id = window.setTimeout(() => setText(summarise(current, baseline, basis)), 400);
    return () => window.clearTimeout(id);
  }, [current, baseline, basis, settling]);
  return (
    <p className="sr-only" aria-live="polite" data-testid="announcer">
      {text}
    </p>
  );
});

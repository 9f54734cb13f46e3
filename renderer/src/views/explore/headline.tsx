import type { RunResult } from '../../../../engine';
import { formatKpi, KPI_TABLE, kpiValue, isBetter, formatKpiDelta } from '../../components/kpi-meta';

const HEADLINE_KPIS = ['maturity', 'weeksToGoal', 'delivered'];

/** Props of Headline. */
export interface HeadlineProps {
  readonly current: RunResult | null;
  readonly baseline: RunResult | null;
  /** The goal in a few words, shown with "time to reach the goal". */
  readonly goal?: string;
}

/** Render the three numbers a room reads first: maturity at the end, time to the goal and initiatives delivered, each against the baseline. */
export function Headline({ current, baseline, goal }: HeadlineProps) {
  const metas = KPI_TABLE.filter(
    (k) => HEADLINE_KPIS.includes(k.id) && !(current && kpiValue(current, k.ids) === undefined && (!baseline || kpiValue(baseline, k.ids) === undefined)),
  );
  return (
    <dl className="headline" data-testid="headline">
      {metas.map((k) => {
        const v = current ? kpiValue(current, k.ids) : undefined;
        const b = baseline ? kpiValue(baseline, k.ids) : undefined;
        const better = isBetter(k, v, b);
        const delta = formatKpiDelta(k, v, b);
        const shown = current ? formatKpi(k, v) : '…';
        return (
          <div key={k.id} className="headline-item" data-kpi={k.id}>
            <dt title={k.id === 'weeksToGoal' && goal ? `Goal: ${goal}` : undefined}>{k.label}</dt>
            <dd>
              <span className={`headline-value${shown.length > 6 ? ' headline-text' : ''}`}>{shown}</span>
              <span className="headline-base">
                {delta ? (
                  <span className={better ? 'better' : better === false ? 'worse' : ''}>
                    {better ? '▲' : better === false ? '▼' : ''} {delta}
                    <span className="sr-only">{better ? ' better' : better === false ? ' worse' : ''}</span>
                  </span>
                ) : (
                  'same as'
                )}{' '}
                {delta ? 'vs' : ''} scenario ({formatKpi(k, b)})
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

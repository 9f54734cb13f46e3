import { memo } from 'react';
import type { RunResult } from '../../../../engine';
import { formatKpi, KPI_TABLE, kpiValue, isBetter, formatKpiDelta, maturityWords, verdict } from '../../components/kpi-meta';
import type { ShownLine } from './use-explore-runs';

const HEADLINE_KPIS = ['maturity', 'weeksToGoal', 'delivered'];
const ESTIMATE: ShownLine = { kind: 'estimate' };

/** Props of Headline. */
export interface HeadlineProps {
  readonly current: RunResult | null;
  readonly baseline: RunResult | null;
  /** The goal in a few words, shown with "time to reach the goal". */
  readonly goal?: string;
  /** What the numbers are: the typical outcome (medians) or the quick estimate (noise off). */
  readonly shown?: ShownLine;
}

/** Return the line above the headline that says what its numbers are. */
export function headlineBasis(shown: ShownLine): string {
  if (shown.kind === 'typical' && shown.uncertainty === 'all') {
    return `Typical outcome: the median of ${shown.replications} runs, each with its own luck and its own draw of the model's uncertain assumptions. The shading on the charts is the likely range (P10–P90), including uncertainty in the model's assumptions.`;
  }
  return shown.kind === 'typical'
    ? `Typical outcome: the median of ${shown.replications} runs, each with its own luck. The shading on the charts is the likely range from luck alone (P10–P90).`
    : 'Quick estimate (noise off) while the runs for these settings finish: it assumes every risk less likely than not stays away, so it leans favourable.';
}

/**
 * Render the three numbers a room reads first: maturity at the end, time to the goal and initiatives
 * delivered, each against the baseline, under a line saying whether they are the typical outcome or the
 * quick estimate. Memoised: a key press re-renders the view, but the headline's runs change only with a new run.
 */
export const Headline = memo(function Headline({ current, baseline, goal, shown = ESTIMATE }: HeadlineProps) {
  const metas = KPI_TABLE.filter(
    (k) => HEADLINE_KPIS.includes(k.id) && !(current && kpiValue(current, k.ids) === undefined && (!baseline || kpiValue(baseline, k.ids) === undefined)),
  );
  return (
    <div className="headline-block">
      <p className={`headline-basis headline-basis-${shown.kind}`} data-testid="headline-basis">
        {headlineBasis(shown)}
      </p>
      <dl className={`headline headline-${shown.kind}`} data-testid="headline">
        {metas.map((k) => {
          const v = current ? kpiValue(current, k.ids) : undefined;
          const b = baseline ? kpiValue(baseline, k.ids) : undefined;
          const better = isBetter(k, v, b);
          const delta = formatKpiDelta(k, v, b);
          const text = current ? formatKpi(k, v) : '…';
          // A figure hidden during a trainer's reveal (NaN) is not "the same as" the scenario's: there is nothing to compare.
          const comparable = v !== undefined && b !== undefined && Number.isFinite(v) && Number.isFinite(b);
          return (
            <div key={k.id} className="headline-item" data-kpi={k.id}>
              <dt title={k.id === 'weeksToGoal' && goal ? `Goal: ${goal}` : undefined}>{k.label}</dt>
              <dd>
                <span className={`headline-value${text.length > 6 ? ' headline-text' : ''}`}>{text}</span>
                {k.format === 'score' && current && v !== undefined && Number.isFinite(v) && (
                  <span className="headline-words" data-testid="maturity-words">
                    {maturityWords(v)}
                  </span>
                )}
                <span className="headline-base">
                  {delta ? (
                    <span className={better ? 'better' : better === false ? 'worse' : ''}>
                      {delta} {verdict(better)}
                    </span>
                  ) : comparable ? (
                    'same as'
                  ) : (
                    ''
                  )}{' '}
                  {delta ? 'vs' : ''} scenario ({formatKpi(k, b)})
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
});

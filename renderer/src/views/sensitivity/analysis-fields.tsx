import { useId } from 'react';
import { kpiLabel } from '../../model/metadata';
import type { AnalysisTarget } from './use-analysis-target';

/** Props of AnalysisFields. */
export interface AnalysisFieldsProps {
  readonly target: AnalysisTarget;
  /** What a replication count is per: "Replications per setting", "Replications per point". */
  readonly replicationsLabel: string;
  readonly maxReplications: number;
  readonly replications: number;
  readonly onReplications: (n: number) => void;
  readonly seed: number;
  readonly onSeed: (n: number) => void;
}

/**
 * Render the fields both Sensitivity tabs start from: what to analyse (a what-if or a run), the KPI, the
 * replications (whole numbers from 1 to the maximum) and the seed (a whole number from 0).
 */
export function AnalysisFields({ target, replicationsLabel, maxReplications, replications, onReplications, seed, onSeed }: AnalysisFieldsProps) {
  const ids = { source: useId(), kpi: useId(), reps: useId(), seed: useId() };
  const { sources, source, setSourceId, kpis, kpi, setKpi } = target;
  return (
    <>
      <label htmlFor={ids.source}>What to analyse</label>
      <select id={ids.source} value={source.id} onChange={(e) => setSourceId(e.target.value)}>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <label htmlFor={ids.kpi}>KPI</label>
      <select id={ids.kpi} value={kpi} onChange={(e) => setKpi(e.target.value)} disabled={kpis.length === 0}>
        {kpis.map((k) => (
          <option key={k} value={k}>
            {kpiLabel(k)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.reps}>{replicationsLabel}</label>
      <input
        id={ids.reps}
        type="number"
        min={1}
        max={maxReplications}
        step={1}
        value={replications}
        onChange={(e) => onReplications(Math.max(1, Math.min(maxReplications, Math.round(Number(e.target.value) || 1))))}
      />
      <label htmlFor={ids.seed}>Seed</label>
      <input id={ids.seed} type="number" min={0} step={1} value={seed} onChange={(e) => onSeed(Math.max(0, Math.round(Number(e.target.value) || 0)))} />
    </>
  );
}

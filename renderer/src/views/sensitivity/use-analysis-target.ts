import { useEffect, useMemo, useState } from 'react';
import { defaultKpi, orderKpis } from '../../model/metadata';
import { useAnalysisSources, type AnalysisSource } from '../../analyst/sources';
import { useRunner } from '../../sim/runner-context';
import { useAppStore } from '../../store';

/** What the Sensitivity view's analyses look at: a source (what-if or run) and a KPI, shared by its tabs. */
export interface AnalysisTarget {
  readonly sources: readonly AnalysisSource[];
  readonly source: AnalysisSource;
  /** A fingerprint of the source's input: it changes whenever its settings do. */
  readonly inputKey: string;
  setSourceId(id: string): void;
  /** The KPIs the engine reports for the source, in the order the app lists them. */
  readonly kpis: readonly string[];
  /** The chosen KPI ('' until the KPIs are known). */
  readonly kpi: string;
  setKpi(id: string): void;
}

/** Return the source and KPI the Sensitivity view analyses; the KPI choice is the store's, shared with Compare. */
export function useAnalysisTarget(): AnalysisTarget {
  const runner = useRunner();
  const sources = useAnalysisSources();
  const selectedKpi = useAppStore((s) => s.selectedKpi);
  const setKpi = useAppStore((s) => s.setSelectedKpi);
  const [sourceId, setSourceId] = useState('current');
  const source = sources.find((s) => s.id === sourceId) ?? sources[0]!;
  const [kpis, setKpis] = useState<string[]>([]);

  // The KPIs on offer are the ones the engine reports for this input (an expected run is instant).
  useEffect(() => {
    let live = true;
    runner.expected(source.input).then(
      (r) => {
        if (!live) return;
        const names = orderKpis(Object.keys(r.kpis));
        setKpis(names);
        if (!names.includes(useAppStore.getState().selectedKpi) && names.length > 0) setKpi(defaultKpi(names));
      },
      () => live && setKpis([]),
    );
    return () => {
      live = false;
    };
  }, [runner, source.input, setKpi]);

  const inputKey = useMemo(() => JSON.stringify(source.input), [source.input]);
  const kpi = kpis.includes(selectedKpi) ? selectedKpi : defaultKpi(kpis);
  return { sources, source, inputKey, setSourceId, kpis, kpi, setKpi };
}

import { memo, useMemo, useRef, useState } from 'react';
import { TabList } from '../../components/tab-list';
import { PILLARS, REFERENCE_PORTFOLIO } from '../../../../engine';
import { ChartCopyArea, copyChart } from '../../analyst/chart-copy';
import { EventList } from '../../components/event-list';
import { SeriesChart, type SeriesLine } from '../../components/series-chart';
import { selectVisibleUntilWeek, useAppStore } from '../../store';
import { BASELINE_COLOUR, CAPABILITY_COLOUR, CURRENT_COLOUR, FATIGUE_COLOUR, PILLAR_COLOURS } from '../../components/palette';
import { formatNumber } from '../../model/format';
import { PortfolioChart } from './portfolio-chart';
import { WgllChart } from './wgll-chart';
import { comparisonLines, goalLine, goalMark, isTypical, lastShown, lineBasis, pickBand, scenarioEvents, shownSeries } from './line-sets';
import { PILLAR_LABELS, pickSeries, SERIES_IDS } from './outputs';
import type { ChartPanelProps, ChartRuns } from './chart-props';

const TABS = [
  { id: 'maturity', label: 'Maturity' },
  { id: 'pillars', label: 'Pillars' },
  { id: 'wgll', label: 'What Good Looks Like' },
  { id: 'portfolio', label: 'Portfolio' },
  { id: 'adoption', label: 'Adoption' },
  { id: 'confidence', label: 'Confidence' },
  { id: 'benefits', label: 'Benefits' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const pct = (v: number) => `${Math.round(v * 100)}%`;
const score = (v: number) => formatNumber(v, 1);

/**
 * Render one chart at a time, chosen from a row of tabs (arrow keys move between them); the hidden tabs'
 * charts are not rendered at all. Memoised: the view re-renders on every lever step, and `runs` keeps its
 * identity until something the charts draw changes.
 */
export const ChartPanel = memo(function ChartPanel({ runs, fontSize }: ChartPanelProps) {
  const [tab, setTab] = useState<TabId>('maturity');
  const [copyStatus, setCopyStatus] = useState('');
  const tabPanel = useRef<HTMLDivElement>(null);
  const scenarioTitle = useAppStore((s) => s.scenario.title);
  const initiatives = useAppStore((s) => s.scenario.initiatives);
  const revealWeek = useAppStore(selectVisibleUntilWeek);
  const names = useMemo(() => new Map([...REFERENCE_PORTFOLIO, ...initiatives].map((i) => [i.id, i.name])), [initiatives]);
  const tabLabel = TABS.find((t) => t.id === tab)!.label;
  const subject = `Scenario: ${scenarioTitle}`;
  return (
    <section className="chart-panel" aria-label="Charts">
      <TabList tabs={TABS} selected={tab} onSelect={setTab} label="Chart" idPrefix="chart-tab" panelId="chart-tabpanel" />
      <div ref={tabPanel} role="tabpanel" id="chart-tabpanel" aria-labelledby={`chart-tab-${tab}`} className="chart-tabpanel">
        <ChartCopyArea title={tabLabel} subject={subject} onStatus={setCopyStatus}>
          {tab === 'maturity' && <MaturityChart runs={runs} fontSize={fontSize} />}
          {tab === 'pillars' && <PillarsChart runs={runs} fontSize={fontSize} />}
          {tab === 'wgll' && <WgllChart runs={runs} fontSize={fontSize} />}
          {tab === 'portfolio' && (
            <PortfolioChart
              run={runs.current}
              typical={runs.shown.kind === 'typical' && !runs.revealing ? runs.bands : null}
              names={names}
              fontSize={fontSize}
              untilWeek={runs.revealing ? revealWeek : null}
            />
          )}
          {tab === 'adoption' && <AdoptionChart runs={runs} fontSize={fontSize} />}
          {tab === 'confidence' && <ConfidenceChart runs={runs} fontSize={fontSize} />}
          {tab === 'benefits' && <BenefitsChart runs={runs} fontSize={fontSize} />}
        </ChartCopyArea>
      </div>
      <div className="chart-tools">
        <p className="status" role="status" aria-live="polite">
          {copyStatus}
        </p>
        <button type="button" onClick={() => void copyChart(tabPanel.current, tabLabel, subject).then(setCopyStatus)} aria-label={`Copy the chart "${tabLabel}"`}>
          Copy chart
        </button>
      </div>
    </section>
  );
});

/** Return "at week N" ("by week N") when a trainer's reveal stops the lines at week N before the horizon, else "at the end" ("by the end"). */
function revealWhen(run: { readonly horizonWeeks: number } | null, week: number, word: 'at' | 'by' = 'at'): string {
  return run && week < run.horizonWeeks ? `${word} week ${week}` : `${word} the end`;
}

function Caption({ text, testId }: { text: string; testId: string }) {
  return (
    <p className="chart-caption" data-testid={testId}>
      {text}
    </p>
  );
}

function MaturityChart({ runs, fontSize }: ChartPanelProps) {
  const { current, bands, baseline, baselineBands, pinned, shown, bandsStale } = runs;
  const goal = useAppStore((s) => s.scenario.goal);
  const lines = useMemo(() => {
    const out = comparisonLines(SERIES_IDS.maturity, { current, bands, baseline, baselineBands, pinned, shown });
    const level = goalLine(goal, 'maturity', current?.series.maturity?.length ?? 0);
    return level ? [level, ...out] : out;
  }, [current, bands, baseline, baselineBands, pinned, shown, goal]);
  const shownNow = lastShown(shownSeries(shown, current, bands, SERIES_IDS.maturity));
  const now = shownNow?.value;
  const band = bandsStale ? undefined : pickBand(bands, SERIES_IDS.maturity);
  const events = useMemo(() => {
    const mark = runs.revealing ? null : goalMark(shown, current, bands);
    return mark ? [...scenarioEvents(current), mark] : scenarioEvents(current);
  }, [current, shown, bands, runs.revealing]);
  const revealed = current !== null && shownNow !== undefined && shownNow.week < current.horizonWeeks;
  // During a trainer's reveal the runs stop at the reveal week: describe that week, not the horizon.
  const at = (values: Float64Array | undefined) => (values && shownNow ? values[shownNow.week] : undefined);
  const base = at(shownSeries(shown, baseline, baselineBands, SERIES_IDS.maturity));
  const when = revealed ? `at week ${shownNow.week}` : `by year ${current ? Math.round(current.horizonWeeks / 52) : 5}`;
  const lo = at(band?.p10);
  const hi = at(band?.p90);
  const caption =
    now === undefined
      ? 'Simulating…'
      : `${lineBasis(shown)}: with your settings, maturity ${revealed ? 'is' : 'reaches'} ${formatNumber(now, 1)} of 5 ${when}` +
        (lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi) ? ` (likely range ${formatNumber(lo, 1)}–${formatNumber(hi, 1)})` : '') +
        (base !== undefined && Number.isFinite(base) ? `; the scenario as loaded ${revealed ? 'is at' : 'reaches'} ${formatNumber(base, 1)}.` : '.');
  return (
    <figure className="chart-figure">
      <SeriesChart lines={lines} yLabel="Digital maturity (1–5)" yMin={1} yMax={5} formatY={score} label={caption} testId="chart-maturity" fontSize={fontSize} events={events} bandsStale={bandsStale} />
      <EventList events={events} />
      <Caption text={caption} testId="caption-maturity" />
    </figure>
  );
}

function PillarsChart({ runs, fontSize }: ChartPanelProps) {
  const { current, bands, baseline, baselineBands, shown } = runs;
  const lines = useMemo(() => {
    const out: SeriesLine[] = [];
    for (const p of PILLARS) {
      const ids = SERIES_IDS.pillarMaturity(p);
      const b = shownSeries(shown, baseline, baselineBands, ids);
      if (b) out.push({ label: `${PILLAR_LABELS[p]} (as loaded)`, colour: PILLAR_COLOURS[p]!, values: b, dash: [6, 5], width: 2, hideInLegend: true });
      const c = shownSeries(shown, current, bands, ids);
      const band = pickBand(bands, ids);
      if (c) out.push({ label: PILLAR_LABELS[p], colour: PILLAR_COLOURS[p]!, values: c, width: 4, band: band && { p10: band.p10, p90: band.p90 } });
    }
    return out;
  }, [current, bands, baseline, baselineBands, shown]);
  // During a trainer's reveal the lines stop at the reveal week: the caption reads that week, not the end.
  const ends = PILLARS.map((p) => ({ p, at: lastShown(shownSeries(shown, current, bands, SERIES_IDS.pillarMaturity(p))) })).filter((e) => e.at);
  const parts = ends.map((e) => `${PILLAR_LABELS[e.p].toLowerCase()} ${formatNumber(e.at!.value, 1)}`);
  const caption = parts.length
    ? `${lineBasis(shown)}: maturity ${revealWhen(current, ends[0]!.at!.week)} by pillar: ${parts.join(', ')} (dashed: the scenario as loaded).`
    : 'Simulating…';
  return (
    <figure className="chart-figure">
      <SeriesChart lines={lines} yLabel="Digital maturity (1–5)" yMin={1} yMax={5} formatY={score} label={caption} testId="chart-pillars" fontSize={fontSize} bandsStale={runs.bandsStale} />
      <Caption text={caption} testId="caption-pillars" />
    </figure>
  );
}

/** Return the line of one series to draw: its median once the view shows the typical outcome and it has a band, else the quick estimate. */
function medianOrEstimate(runs: Pick<ChartRuns, 'current' | 'bands' | 'shown'>, ids: readonly string[]): Float64Array | undefined {
  if (isTypical(runs.shown, runs.bands, ids)) return shownSeries(runs.shown, runs.current, runs.bands, ids);
  return runs.current ? pickSeries(runs.current.series, ids) : undefined;
}

function AdoptionChart({ runs, fontSize }: ChartPanelProps) {
  const { current, bands, shown } = runs;
  const goal = useAppStore((s) => s.scenario.goal);
  const lines = useMemo(() => {
    const out: SeriesLine[] = [];
    if (!current) return out;
    for (const p of PILLARS) {
      const ids = SERIES_IDS.adoption(p);
      const v = medianOrEstimate({ current, bands, shown }, ids);
      const band = pickBand(bands, ids);
      if (v) out.push({ label: `Adoption: ${PILLAR_LABELS[p].toLowerCase()}`, colour: PILLAR_COLOURS[p]!, values: v, width: 3.5, band: band && { p10: band.p10, p90: band.p90 } });
    }
    const f = shownSeries(shown, current, bands, SERIES_IDS.fatigue);
    const band = pickBand(bands, SERIES_IDS.fatigue);
    if (f) out.push({ label: 'Change fatigue', colour: FATIGUE_COLOUR, values: f, width: 3.5, dash: [3, 3], band: band && { p10: band.p10, p90: band.p90 } });
    const level = goalLine(goal, 'adoption', current.series.maturity?.length ?? 0);
    return level ? [level, ...out] : out;
  }, [current, bands, shown, goal]);
  const events = useMemo(() => scenarioEvents(current), [current]);
  const f = current ? shownSeries(shown, current, bands, SERIES_IDS.fatigue) : undefined;
  const peak = f ? Math.max(...f) : undefined;
  const fatigueBasis = isTypical(shown, bands, SERIES_IDS.fatigue) && shown.kind === 'typical' ? `the median of ${shown.replications} runs` : 'the quick estimate';
  // The pillars' lines are medians only when every pillar has its band (an engine without them leaves the estimate).
  const adoptionTypical = PILLARS.every((p) => isTypical(shown, bands, SERIES_IDS.adoption(p)));
  const ends = PILLARS.map((p) => ({ p, at: lastShown(medianOrEstimate(runs, SERIES_IDS.adoption(p))) }));
  const until = ends.find((e) => e.at)?.at?.week;
  const revealed = current !== null && until !== undefined && until < current.horizonWeeks;
  const byPillar = ends
    .filter((e) => e.at)
    .map((e) => `${PILLAR_LABELS[e.p].toLowerCase()} ${pct(e.at!.value)}`)
    .join(', ');
  const caption = current
    ? `${lineBasis(adoptionTypical ? shown : { kind: 'estimate' })}: share of staff and patients using what is live ${revealed ? `at week ${until}` : 'at the end'}, by pillar: ${byPillar}` +
      `${bands && PILLARS.some((p) => pickBand(bands, SERIES_IDS.adoption(p))) ? ' (shaded: the likely range, P10–P90)' : ''}` +
      `; change fatigue (dotted: ${fatigueBasis}${peak !== undefined && Number.isFinite(peak) ? `, peak ${pct(peak)}` : ''}).`
    : 'Simulating…';
  return (
    <figure className="chart-figure">
      <SeriesChart lines={lines} yLabel="Share" yMin={0} yMax={1} formatY={pct} label={caption} testId="chart-adoption" fontSize={fontSize} events={events} bandsStale={runs.bandsStale} />
      <EventList events={events} />
      <Caption text={caption} testId="caption-adoption" />
    </figure>
  );
}

function ConfidenceChart({ runs, fontSize }: ChartPanelProps) {
  const { current, bands, baseline, baselineBands, shown } = runs;
  const lines = useMemo(() => {
    const out: SeriesLine[] = [];
    const pairs = [
      { ids: SERIES_IDS.confidence, label: 'Board confidence', colour: CURRENT_COLOUR },
      { ids: SERIES_IDS.capability, label: 'In-house capability', colour: CAPABILITY_COLOUR },
    ];
    for (const p of pairs) {
      const b = shownSeries(shown, baseline, baselineBands, p.ids);
      if (b) out.push({ label: `${p.label} (as loaded)`, colour: BASELINE_COLOUR, values: b, dash: [8, 5], width: 2, hideInLegend: true });
      const c = shownSeries(shown, current, bands, p.ids);
      const band = pickBand(bands, p.ids);
      if (c) out.push({ label: p.label, colour: p.colour, values: c, width: 4, band: band && { p10: band.p10, p90: band.p90 } });
    }
    return out;
  }, [current, bands, baseline, baselineBands, shown]);
  const conf = lastShown(shownSeries(shown, current, bands, SERIES_IDS.confidence));
  const cap = lastShown(shownSeries(shown, current, bands, SERIES_IDS.capability));
  const caption =
    conf === undefined
      ? 'Simulating…'
      : `${lineBasis(shown)}: ${revealWhen(current, conf.week)}, board confidence is ${pct(conf.value)}${cap !== undefined ? ` and in-house capability ${pct(cap.value)}` : ''} (dashed grey: the scenario as loaded).`;
  return (
    <figure className="chart-figure">
      <SeriesChart lines={lines} yLabel="Share" yMin={0} yMax={1} formatY={pct} label={caption} testId="chart-confidence" fontSize={fontSize} bandsStale={runs.bandsStale} />
      <Caption text={caption} testId="caption-confidence" />
    </figure>
  );
}

function BenefitsChart({ runs, fontSize }: ChartPanelProps) {
  const { current, bands, baseline, baselineBands, pinned, shown } = runs;
  const lines = useMemo(
    () => comparisonLines(SERIES_IDS.benefits, { current, bands, baseline, baselineBands, pinned, shown }),
    [current, bands, baseline, baselineBands, pinned, shown],
  );
  const now = lastShown(shownSeries(shown, current, bands, SERIES_IDS.benefits));
  const base = lastShown(shownSeries(shown, baseline, baselineBands, SERIES_IDS.benefits));
  const caption =
    now === undefined
      ? 'Simulating…'
      : `${lineBasis(shown)}: benefits realised ${revealWhen(current, now.week, 'by')}, ${formatNumber(now.value, 0)} benefit-weeks${base !== undefined ? ` (scenario as loaded: ${formatNumber(base.value, 0)})` : ''}. Benefits arrive years after go-live.`;
  return (
    <figure className="chart-figure">
      <SeriesChart lines={lines} yLabel="Benefit-weeks (cumulative)" yMin={0} formatY={(v) => formatNumber(v, 0)} label={caption} testId="chart-benefits" fontSize={fontSize} bandsStale={runs.bandsStale} />
      <Caption text={caption} testId="caption-benefits" />
    </figure>
  );
}

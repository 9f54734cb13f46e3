import type { ChartData, ChartOptions } from 'chart.js';
import { useId, useMemo, useState } from 'react';
import { ChartCanvas } from '../../components/chart-canvas';
import { formatNumber } from '../../model/format';
import { BASELINE_COLOUR, CURRENT_COLOUR, PIN_COLOURS } from '../../components/palette';
import { selectVisibleUntilWeek, useAppStore } from '../../store';
import { yearChoice } from '../../model/reveal';
import { WGLL_NOTE, WGLL_ROWS, wgllScoresAt } from './wgll-overlay';
import type { ChartPanelProps } from './chart-props';

const scoresAt = wgllScoresAt;

/** Render the seven "What Good Looks Like" measures (1–5) at a chosen year, against the baseline and pins. */
export function WgllChart({ runs, fontSize }: ChartPanelProps) {
  const { current: currentRun, baseline, pinned } = runs;
  const until = useAppStore(selectVisibleUntilWeek);
  const horizonWeeks = currentRun?.horizonWeeks ?? 260;
  const [year, setYear] = useState(() => Math.max(1, Math.round(horizonWeeks / 52)));
  // During a trainer's reveal the slider stops at the year under way, read at the reveal week.
  const { maxYear, year: shownYear, week, label: when } = yearChoice(year, horizonWeeks, runs.revealing ? until : null);
  const sliderId = useId();
  const current = scoresAt(currentRun, week);
  const data = useMemo<ChartData<'bar', (number | null)[]>>(() => {
    const datasets = [
      { label: 'Scenario as loaded', data: scoresAt(baseline, week), backgroundColor: BASELINE_COLOUR },
      ...pinned.map(({ pin, run }, i) => ({ label: pin.name, data: scoresAt(run, week), backgroundColor: PIN_COLOURS[i % PIN_COLOURS.length]! })),
      { label: 'Your settings', data: scoresAt(currentRun, week), backgroundColor: CURRENT_COLOUR },
    ];
    return { labels: WGLL_ROWS.map((m) => m.label), datasets };
  }, [baseline, pinned, currentRun, week]);
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      scales: {
        x: { ticks: { font: { size: fontSize } }, grid: { display: false } },
        y: { min: 1, max: 5, ticks: { stepSize: 1, font: { size: fontSize } }, title: { display: true, text: 'Score (1–5)', font: { size: fontSize } } },
      },
      plugins: { legend: { position: 'bottom', labels: { font: { size: fontSize } } } },
    }),
    [fontSize],
  );
  const has = current.some((v) => v !== null);
  const lowest = has
    ? WGLL_ROWS.map((m, i) => ({ m, v: current[i] ?? Infinity })).reduce((a, b) => (b.v < a.v ? b : a))
    : null;
  const caption = has
    ? `${when} scores with your settings, in the quick estimate (noise off): ${WGLL_ROWS.map((m, i) => `${m.label.toLowerCase()} ${formatNumber(current[i] ?? NaN, 1)}`).join(', ')}.` +
      (lowest ? ` Weakest: ${lowest.m.label.toLowerCase()}.` : '') +
      ` ${WGLL_NOTE}`
    : 'This run has no "What Good Looks Like" scores.';
  return (
    <figure className="chart-figure">
      <div className="chart-control">
        <label htmlFor={sliderId}>Year</label>
        <input
          id={sliderId}
          type="range"
          min={1}
          max={maxYear}
          step={1}
          value={shownYear}
          aria-valuetext={when}
          onChange={(e) => setYear(Number(e.target.value))}
        />
        <output htmlFor={sliderId}>{when}</output>
      </div>
      <ChartCanvas type="bar" data={data} options={options} label={caption} testId="chart-wgll" />
      <p className="chart-caption" data-testid="caption-wgll">
        {caption}
      </p>
    </figure>
  );
}

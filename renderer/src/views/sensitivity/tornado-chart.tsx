import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import '../../analyst/chart-setup';
import { PALETTE } from '../../analyst/chart-setup';
import { formatSignificant } from '../../model/format';
import { tornadoDatasets, type TornadoRow } from '../../model/tornado-data';

/** Props of the tornado chart. */
export interface TornadoChartProps {
  readonly rows: readonly TornadoRow[];
  readonly baseline: number;
  readonly kpiLabel: string;
}

/**
 * Render a tornado chart: one horizontal floating bar per lever from the baseline KPI to its value
 * with the lever at the low end (blue) and at the high end (orange) of its range; widest first.
 */
export function TornadoChart({ rows, baseline, kpiLabel }: TornadoChartProps) {
  const data = useMemo<ChartData<'bar', [number, number][]>>(() => {
    const d = tornadoDatasets(rows, baseline);
    return {
      labels: d.labels,
      datasets: [
        { label: 'Lever at the low end of its range', data: d.low, backgroundColor: PALETTE[0], grouped: false, barPercentage: 0.8 },
        { label: 'Lever at the high end of its range', data: d.high, backgroundColor: PALETTE[1], grouped: false, barPercentage: 0.5 },
      ],
    };
  }, [rows, baseline]);
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        // A tornado reads around its baseline: the axis fits the bars rather than starting at zero.
        x: { beginAtZero: false, grace: '5%', title: { display: true, text: `${kpiLabel} (baseline ${formatSignificant(baseline)})` } },
        y: { ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: 'top' },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const row = rows[ctx.dataIndex];
              const v = (ctx.raw as [number, number])[1];
              const end = ctx.datasetIndex === 0 ? `low (${row?.lowText ?? ''})` : `high (${row?.highText ?? ''})`;
              return `${end}: ${formatSignificant(v)}`;
            },
          },
        },
      },
    }),
    [kpiLabel, baseline, rows],
  );
  // Height grows with the number of levers so every label stays readable.
  const height = Math.max(160, 60 + rows.length * 28);
  return (
    <div className="analyst-chart" style={{ height }}>
      <Bar data={data} options={options} role="img" aria-label={`Tornado chart of ${kpiLabel} over ${rows.length} levers; the table below lists the same values.`} />
    </div>
  );
}

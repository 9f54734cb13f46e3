import type { ChartConfiguration, ChartData, ChartOptions, ChartType, Plugin } from 'chart.js';
import { useLayoutEffect, useRef } from 'react';
import { Chart } from './chart-setup';

/** Props of ChartCanvas. */
export interface ChartCanvasProps<T extends ChartType> {
  readonly type: T;
  readonly data: ChartData<T>;
  readonly options: ChartOptions<T>;
  /** A one-sentence description of what the chart shows now, read by screen readers. */
  readonly label: string;
  readonly testId?: string;
  /** Inline plugins; read once, when the chart is created. */
  readonly plugins?: readonly Plugin<T>[];
  /**
   * The new `data` differs from the one drawn last only in the values of existing points, and the axes'
   * ranges do not depend on them: redraw the datasets without chart.js re-resolving every option and
   * re-fitting scales and legend (`update`), which is most of the cost of a redraw during a drag.
   */
  readonly valuesOnly?: boolean;
}

/**
 * chart.js's own steps of `update` that a values-only redraw runs. `_updateDatasets` is private,
 * so package.json pins chart.js to 4.6.x (tests/lint/dependencies.test.ts); the check below falls
 * back to a full `update` if a release drops it.
 */
interface DatasetUpdater {
  _updateDatasets(mode: 'none'): void;
  render(): void;
}

/**
 * Render a chart.js chart that is created once and then updated in place with `update('none')` (no
 * animation), so it can redraw every frame while a lever is dragged. It redraws only when `data` or
 * `options` is a new object, and does so in a layout effect: during React's commit, in the same task as
 * the render, rather than in a later task that the browser may put after painting a frame.
 */
export function ChartCanvas<T extends ChartType>({ type, data, options, label, testId, plugins, valuesOnly = false }: ChartCanvasProps<T>) {
  const pluginsRef = useRef(plugins);
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T> | null>(null);
  // The options last handed to chart.js, so unchanged options are not re-assigned.
  const shownOptions = useRef<ChartOptions<T> | null>(null);

  useLayoutEffect(() => {
    if (!canvas.current) return;
    const config = { type, data: { datasets: [] }, options: { responsive: true, maintainAspectRatio: false }, plugins: pluginsRef.current ? [...pluginsRef.current] : [] } as unknown as ChartConfiguration<T>;
    const c = new Chart<T>(canvas.current, config);
    chart.current = c;
    shownOptions.current = null;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [type]);

  useLayoutEffect(() => {
    const c = chart.current;
    if (!c) return;
    if (c.data !== data) c.data = data;
    const updater = c as unknown as Partial<DatasetUpdater>;
    // A chart.js without these internal steps (a future version) simply gets the full update below.
    if (valuesOnly && shownOptions.current === options && typeof updater._updateDatasets === 'function' && typeof updater.render === 'function') {
      // The datasets and options chart.js resolved last time are still the ones it has; only points moved.
      updater._updateDatasets('none');
      updater.render();
      return;
    }
    if (shownOptions.current !== options) {
      c.options = { responsive: true, maintainAspectRatio: false, animation: false, ...options } as ChartOptions<T>;
      shownOptions.current = options;
    }
    c.update('none');
    // valuesOnly is read with data: it describes this data, and alone never calls for a redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, options, type]);

  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

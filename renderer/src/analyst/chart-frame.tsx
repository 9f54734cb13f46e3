import { useId, useRef, useState, type ReactNode } from 'react';
import { captionedChartPng, chartCaption } from './chart-caption';
import { ChartCopyArea, copyChart } from './chart-copy';
import { fileStem, findChartCanvas } from './chart-image';
import { exportThroughPlatform } from './export-file';

/** Props of a chart frame. */
export interface ChartFrameProps {
  readonly title: string;
  /** What the chart shows ("Scenario: …", "Runs: …"), written under an exported or copied image. */
  readonly subject: string;
  /** File name stem for the PNG (the title's stem when absent). */
  readonly fileName?: string;
  readonly children: ReactNode;
  /** Extra controls shown next to the export button (e.g. a series picker). */
  readonly controls?: ReactNode;
}

/**
 * Render a titled chart with "Copy chart" and "Save as PNG" buttons (and "Copy chart" on a right-click);
 * both images carry the title, subject, date and source line.
 */
export function ChartFrame({ title, subject, fileName, children, controls }: ChartFrameProps) {
  const body = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const [status, setStatus] = useState('');
  async function savePng() {
    const canvas = findChartCanvas(body.current);
    if (!canvas) {
      setStatus('There is no chart to save yet.');
      return;
    }
    const name = `${fileStem(fileName ?? title)}.png`;
    setStatus(await exportThroughPlatform(name, await captionedChartPng(canvas, chartCaption(title, subject))));
  }
  return (
    <figure className="chart-frame" aria-labelledby={headingId}>
      <div className="chart-frame-head">
        <h3 id={headingId}>{title}</h3>
        <div className="chart-frame-controls">
          {controls}
          <button type="button" onClick={() => void copyChart(body.current, title, subject).then(setStatus)} aria-label={`Copy the chart "${title}"`}>
            Copy chart
          </button>
          <button type="button" onClick={() => void savePng()} aria-label={`Save the chart "${title}" as PNG`}>
            Save as PNG
          </button>
        </div>
      </div>
      <div ref={body}>
        <ChartCopyArea title={title} subject={subject} onStatus={setStatus}>
          {children}
        </ChartCopyArea>
      </div>
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </figure>
  );
}

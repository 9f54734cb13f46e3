import { useId, useRef, useState, type ReactNode } from 'react';
import { chartPngBlob, fileStem, findChartCanvas } from './chart-image';
import { exportThroughPlatform } from './export-file';

/** Props of a chart frame. */
export interface ChartFrameProps {
  readonly title: string;
  /** File name stem for the PNG (the title's stem when absent). */
  readonly fileName?: string;
  readonly children: ReactNode;
  /** Extra controls shown next to the export button (e.g. a series picker). */
  readonly controls?: ReactNode;
}

/** Render a titled chart with a "Save as PNG" button that exports the chart through the platform. */
export function ChartFrame({ title, fileName, children, controls }: ChartFrameProps) {
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
    setStatus(await exportThroughPlatform(name, await chartPngBlob(canvas)));
  }
  return (
    <figure className="chart-frame" aria-labelledby={headingId}>
      <div className="chart-frame-head">
        <h3 id={headingId}>{title}</h3>
        <div className="chart-frame-controls">
          {controls}
          <button type="button" onClick={() => void savePng()} aria-label={`Save the chart "${title}" as PNG`}>
            Save as PNG
          </button>
        </div>
      </div>
      <div ref={body}>{children}</div>
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </figure>
  );
}

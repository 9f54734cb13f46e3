import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { getPlatform } from '../platform';
import { captionedChartPng, chartCaption } from './chart-caption';
import { findChartCanvas } from './chart-image';

/**
 * Put the chart in `container` on the clipboard as a PNG with its title, subject, date and source
 * line, and return a sentence for the status line: copied, or why not.
 */
export async function copyChart(container: Element | null, title: string, subject: string): Promise<string> {
  const canvas = findChartCanvas(container);
  if (!canvas) return 'There is no chart to copy yet.';
  try {
    // The blob is made inside the click's task chain; the browser requires the write to follow a gesture.
    await getPlatform().copyImage(await captionedChartPng(canvas, chartCaption(title, subject)));
    return `Copied the chart "${title}" to the clipboard.`;
  } catch (e) {
    return `Could not copy the chart: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Props of ChartCopyArea. */
export interface ChartCopyAreaProps {
  readonly title: string;
  readonly subject: string;
  /** Told the outcome of a copy, for the chart's status line. */
  readonly onStatus: (sentence: string) => void;
  readonly children: ReactNode;
}

/**
 * Wrap a chart so that right-clicking it offers "Copy chart" in a small menu at the pointer (the
 * browser's own menu has no such entry, and the desktop app's native one shows only for text).
 * Escape, a click elsewhere or leaving the menu closes it.
 */
export function ChartCopyArea({ title, subject, onStatus, children }: ChartCopyAreaProps) {
  const area = useRef<HTMLDivElement>(null);
  const item = useRef<HTMLButtonElement>(null);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);

  useEffect(() => {
    if (!at) return;
    item.current?.focus();
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !item.current?.contains(e.target as Node)) setAt(null);
    };
    document.addEventListener('pointerdown', close, true);
    document.addEventListener('keydown', close, true);
    window.addEventListener('blur', close);
    return () => {
      document.removeEventListener('pointerdown', close, true);
      document.removeEventListener('keydown', close, true);
      window.removeEventListener('blur', close);
    };
  }, [at]);

  function onContextMenu(e: MouseEvent) {
    // Only over the chart itself: text and controls keep their own menu.
    if (!(e.target instanceof HTMLCanvasElement)) return;
    e.preventDefault();
    setAt({ x: e.clientX, y: e.clientY });
  }

  return (
    <div ref={area} className="chart-copy-area" onContextMenu={onContextMenu}>
      {children}
      {at && (
        <div role="menu" aria-label={`Chart "${title}"`} className="context-menu" style={{ left: at.x, top: at.y }}>
          <button
            ref={item}
            type="button"
            role="menuitem"
            onClick={() => {
              setAt(null);
              void copyChart(area.current, title, subject).then(onStatus);
            }}
          >
            Copy chart
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Chart images for PNG exports and the board pack. chart.js draws on a transparent canvas; a PNG
 * pasted into a board paper needs a white background, so each export is painted onto a white copy.
 */

/** Return a copy of a chart canvas on a white background (same pixel size). */
export function onWhite(canvas: HTMLCanvasElement): HTMLCanvasElement {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas, so the chart cannot be exported.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, copy.width, copy.height);
  ctx.drawImage(canvas, 0, 0);
  return copy;
}

/** Encode a chart canvas as a PNG blob (canvas.toBlob), on a white background. */
export function chartPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  const copy = onWhite(canvas);
  return new Promise((resolve, reject) => {
    copy.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be encoded as PNG.'))), 'image/png');
  });
}

/** Encode a chart canvas as a PNG data URL, on a white background, for embedding in the board pack. */
export function chartPngDataUrl(canvas: HTMLCanvasElement): string {
  return onWhite(canvas).toDataURL('image/png');
}

/** Return the first chart canvas inside an element (charts render one canvas each). */
export function findChartCanvas(container: Element | null): HTMLCanvasElement | null {
  return container?.querySelector('canvas') ?? null;
}

/** Turn a label into a safe, readable file name stem: lower case, words joined by hyphens. */
export function fileStem(label: string): string {
  const stem = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Long labels are cut at a word boundary, so names never end in half a word.
  const cut = stem.length <= 60 ? stem : stem.slice(0, 61).replace(/-[^-]*$/, '');
  return cut || stem.slice(0, 60) || 'momentum';
}

// Print bench/results.json as the Markdown table of docs/PERFORMANCE.md's "Latest figures": `npx tsx bench/table.ts`.
import { readFileSync } from 'node:fs';
import type { Entry } from './measure';

/** Return a figure with three significant digits (more for large whole numbers) and its unit. */
function show(v: number | undefined, unit: string): string {
  if (v === undefined || !Number.isFinite(v)) return '';
  const text = Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(3)).toString();
  return unit === '' || unit === 'ratio' ? text : `${text} ${unit}`;
}

const entries = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8')) as Entry[];
console.log('| entry | median | p95 | CPU (median) | budget | holds |');
console.log('|---|---|---|---|---|---|');
for (const e of entries) {
  const holds = e.pass === undefined ? '' : e.pass ? 'yes' : '**no**';
  console.log(`| ${e.name} | ${show(e.median, e.unit)} | ${show(e.p95, e.unit)} | ${show(e.cpuMedian, e.unit)} | ${show(e.budget, e.unit)} | ${holds} |`);
}

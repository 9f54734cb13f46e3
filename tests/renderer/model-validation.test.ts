import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../engine/validation';
import results from '../../engine/validation/results.json';
import { ModelView } from '../../renderer/src/views/model/model-view';

// "How it works" shows the validation suite's committed results (engine/validation/results.json) under "Validation".
const report = results as ValidationReport;
const html = renderToStaticMarkup(createElement(ModelView));
const section = html.slice(html.indexOf('id="validation-heading"'));

describe('How it works: Validation', () => {
  it('has a "Validation" heading and says how many tests pass', () => {
    expect(html).toContain('<h2 id="validation-heading">Validation</h2>');
    expect(section).toContain(`${report.passed} of ${report.results.length} tests pass.`);
  });

  it('lists every case once, with a tick for each pass and a cross for each failure', () => {
    for (const r of report.results) expect(section).toContain(`${r.id} · `);
    expect(section.split('<span aria-hidden="true">✓</span>').length - 1).toBe(report.passed);
    expect(section.split('<span aria-hidden="true">✗</span>').length - 1).toBe(report.failed);
  });
});

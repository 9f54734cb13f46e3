import { describe, expect, it } from 'vitest';
import { buildBoardPack, escapeHtml, isPngDataUrl, type BoardPackData } from '../../renderer/src/model/board-pack';

// A real (1×1 transparent) PNG, base64-encoded.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function pack(overrides: Partial<BoardPackData> = {}): BoardPackData {
  return {
    title: 'Priorities review',
    subtitle: 'Scenario: Milton Keynes',
    preparedOn: '26 November 2026',
    engineVersion: '1.0.0',
    runs: [
      { label: 'Baseline', seed: 1, replications: 200, engineVersion: '1.0.0', notes: 'As agreed in October.' },
      { label: 'Two priorities', seed: 1, replications: 200, engineVersion: '1.0.0' },
    ],
    settings: { caption: 'Settings', columns: ['Setting', 'Baseline', 'Two priorities'], rows: [['Concurrent priorities', '12', '2']], highlightRows: [0] },
    kpis: { caption: 'KPIs', columns: ['KPI', 'Baseline', 'Two priorities'], rows: [['Maturity at horizon', '2.10', '3.40']] },
    charts: [{ title: 'Maturity over time', description: 'Maturity rises faster with two priorities.', pngDataUrl: PNG }],
    insights: [{ lesson: 'L1', text: 'Running 12 priorities at once cost the team about 60% of its time.' }],
    notes: 'First paragraph.\n\nSecond paragraph\nwith a line break.',
    ...overrides,
  };
}

describe('board pack', () => {
  it('is one self-contained HTML document with every section the board needs', () => {
    const html = buildBoardPack(pack());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const heading of ['Summary', 'Charts', 'What the model says', "Analyst's notes", 'Appendix: settings and reproducibility']) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    for (const heading of ['Runs', 'Board settings']) {
      expect(html).toContain(`>${heading}</h3>`);
    }
    expect(html).toContain('<td>3.40</td>');
    expect(html).toContain(`<img src="${PNG}" alt="Maturity rises faster with two priorities.">`);
    expect(html).toContain('<p>First paragraph.</p>');
    expect(html).toContain('<p>Second paragraph<br>with a line break.</p>');
    expect(html).toContain('As agreed in October.');
    expect(html).toContain('<tr class="differs">');
  });

  it('references nothing outside itself: no http(s) URLs, scripts or external stylesheets', () => {
    const html = buildBoardPack(pack());
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link/i);
    expect(html).toContain("default-src 'none'");
  });

  it('has a print stylesheet so "Print to PDF" lays it out on A4 without splitting tables', () => {
    const html = buildBoardPack(pack());
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4');
    expect(html).toMatch(/table, figure[^}]*break-inside: avoid/);
  });

  it('escapes every text the analyst or a file supplies', () => {
    const html = buildBoardPack(
      pack({
        title: '<script>alert(1)</script>',
        notes: 'Costs < benefits & "risks"',
        runs: [{ label: '<img src=x onerror=alert(1)>', seed: 1, replications: 1, engineVersion: '1' }],
      }),
    );
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Costs &lt; benefits &amp; &quot;risks&quot;');
  });

  it('refuses a chart that is not a PNG data URL, so nothing can load from the network', () => {
    expect(() => buildBoardPack(pack({ charts: [{ title: 'x', description: 'x', pngDataUrl: 'https://example.org/x.png' }] }))).toThrow(/PNG data URL/);
    expect(() => buildBoardPack(pack({ charts: [{ title: 'x', description: 'x', pngDataUrl: 'data:image/png;base64,AAA" onload="x' }] }))).toThrow();
  });

  it('says so when there are no notes, and leaves out empty chart and insight sections', () => {
    const html = buildBoardPack(pack({ notes: '  ', charts: [], insights: [], runs: [{ label: 'A', seed: 1, replications: 1, engineVersion: '1' }] }));
    expect(html).toContain('<p>No notes.</p>');
    expect(html).not.toContain('>Charts</h2>');
    expect(html).not.toContain('>What the model says</h2>');
  });

  it('is a pure function of its data', () => {
    expect(buildBoardPack(pack())).toBe(buildBoardPack(pack()));
  });
});

describe('escapeHtml and isPngDataUrl', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    [`"'`, '&quot;&#39;'],
  ])('escapes %s', (input, out) => {
    expect(escapeHtml(input)).toBe(out);
  });
  it('accepts only base64 PNG data URLs', () => {
    expect(isPngDataUrl(PNG)).toBe(true);
    expect(isPngDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isPngDataUrl('blob:http://x/1')).toBe(false);
  });
});

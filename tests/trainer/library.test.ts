import { describe, expect, it } from 'vitest';
import { blankScenario, serializeScenario } from '../../engine';
import { FileOpenError } from '../../renderer/src/platform/platform';
import { checkOpenedScenario, outcomeOfError } from '../../renderer/src/views/library/open-scenario';
import { describeLength } from '../../renderer/src/library/prepared';

describe('library: opening scenario files', () => {
  it('opens a valid scenario file', () => {
    const text = serializeScenario({ ...blankScenario(), id: 'mine', title: 'Mine' });
    const r = checkOpenedScenario({ name: 'mine.json', text });
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.name, r.scenario.title]).toEqual(['mine.json', 'Mine']);
  });

  it('reports each problem with its path and message, and how many there are', () => {
    const text = JSON.stringify({ schemaVersion: 2, id: 'Bad Id', title: '', initiatives: [{ id: 'a', name: 'A', pillar: 'nurses', effortWeeks: 5 }] });
    const r = checkOpenedScenario({ name: 'bad.json', text });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'title', 'initiatives[0].pillar']));
    expect(r.message).toBe(`bad.json is not a scenario Momentum can open: ${r.problems.length} problems found.`);
    expect(r.problems.every((p) => p.message.length > 0)).toBe(true);
  });

  it('reports text that is not JSON with where it breaks', () => {
    const r = checkOpenedScenario({ name: 'cut.json', text: '{ "schemaVersion": 2, "id": ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message.length).toBeGreaterThan(0);
  });

  it('passes on the platform’s own words for files it could not read', () => {
    const e = new FileOpenError({ code: 'not-text', message: 'x.bin is not a text file', problems: [] });
    const r = outcomeOfError(e, 'x.bin');
    expect(r).toEqual({ ok: false, name: 'x.bin', message: 'x.bin is not a text file', problems: [] });
    const other = outcomeOfError(new Error('disk on fire'), 'y.json');
    expect(!other.ok && other.message).toBe('y.json could not be opened: disk on fire');
  });

  it('says a scenario’s length in years or months', () => {
    expect(describeLength(260)).toBe('5 years');
    expect(describeLength(52)).toBe('1 year');
    expect(describeLength(78)).toBe('18 months');
    expect(describeLength(130)).toBe('2.5 years');
  });
});

describe('library order', () => {
  it('keeps each case next to its variants, the case first, ignoring leading quotes', async () => {
    const { libraryOrderKey } = await import('../../renderer/src/library/prepared');
    const titles = ['SCAS variant: everything at once', "'Collecting rocks': no single clear goal", 'SCAS: a staged journey', 'CNTW variant: big bang', 'CNTW: model teams'];
    const sorted = [...titles].sort((a, b) => libraryOrderKey(a).localeCompare(libraryOrderKey(b)));
    expect(sorted).toEqual(['CNTW: model teams', 'CNTW variant: big bang', "'Collecting rocks': no single clear goal", 'SCAS: a staged journey', 'SCAS variant: everything at once']);
  });
});

describe('library for planning a workshop', () => {
  it('puts each variant right after the case it names, whatever its title', async () => {
    const { inLibraryOrder } = await import('../../renderer/src/library/prepared');
    const { blankScenario } = await import('../../engine');
    const card = (id: string, title: string, variantOf?: string) => ({ file: `${id}.json`, ok: true as const, scenario: { ...blankScenario(), id, title, ...(variantOf ? { variantOf } : {}) } });
    const order = inLibraryOrder([
      card('b-variant', 'Another angle on the case', 'a-case'),
      card('z', 'Zebra: a later case'),
      card('a-case', 'Alpha: the case'),
      card('m', 'Middle: alone'),
    ]).map((p) => (p.ok ? p.scenario.id : p.file));
    expect(order).toEqual(['a-case', 'b-variant', 'm', 'z']);
  });

  it('orders the prepared scenarios with every pair together, the case first', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { parseScenario } = await import('../../engine');
    const { inLibraryOrder } = await import('../../renderer/src/library/prepared');
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.momentum'));
    const prepared = files.map((file) => {
      const r = parseScenario(readFileSync(`scenarios/${file}`, 'utf8'));
      if (!r.ok) throw new Error(file);
      return { file, ok: true as const, scenario: r.scenario };
    });
    const ids = inLibraryOrder(prepared).map((p) => (p.ok ? p.scenario.id : p.file));
    for (const p of prepared) {
      const of = p.scenario.variantOf;
      if (of === undefined) continue;
      // Between the case and this variant there are only other variants of the same case.
      const between = ids.slice(ids.indexOf(of) + 1, ids.indexOf(p.scenario.id));
      expect(ids.indexOf(of), p.file).toBeLessThan(ids.indexOf(p.scenario.id));
      expect(between.every((id) => prepared.find((q) => q.scenario.id === id)!.scenario.variantOf === of), p.file).toBe(true);
    }
    expect(prepared.filter((p) => p.scenario.variantOf !== undefined).length).toBeGreaterThanOrEqual(3);
  });

  it('says how long a session takes', async () => {
    const { describeSessionMinutes } = await import('../../renderer/src/library/prepared');
    expect(describeSessionMinutes({ min: 45, max: 60 })).toBe('45–60 min session');
    expect(describeSessionMinutes({ min: 60, max: 60 })).toBe('60 min session');
    expect(describeSessionMinutes(undefined)).toBeNull();
  });

  it('says why each locked lever is locked, and plainly when the file does not say', async () => {
    const { lockedLeverNotes } = await import('../../renderer/src/trainer/locked-levers-note');
    const notes = lockedLeverNotes(['leadership.ownership', 'priorities.concurrent'], { 'leadership.ownership': 'The case is a whole board that owns digital.' });
    expect(notes[0]).toMatchObject({ id: 'leadership.ownership', reason: 'The case is a whole board that owns digital.' });
    expect(notes[0]!.label).not.toBe('leadership.ownership');
    expect(notes[1]!.reason).toMatch(/gives no reason/);
  });
});

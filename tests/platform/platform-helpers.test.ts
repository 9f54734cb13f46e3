import { describe, expect, it } from 'vitest';
import { checkDocumentBytes, MAX_DOCUMENT_BYTES } from '../../renderer/src/platform/document-check';
import { shortcutCommand, undoShortcut } from '../../renderer/src/platform/shortcuts';
import { isTextEditing } from '../../renderer/src/platform/text-editing';
import { UnsavedTracker } from '../../renderer/src/platform/unsaved-tracker';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('browser shortcuts stand in for the native menus', () => {
  const table: [ReturnType<typeof key>, string | null][] = [
    [key('o', { ctrlKey: true }), 'file.open'],
    [key('O', { metaKey: true }), 'file.open'],
    [key('s', { ctrlKey: true }), 'file.save'],
    [key('S', { ctrlKey: true, shiftKey: true }), 'file.save-as'],
    [key('E', { ctrlKey: true, shiftKey: true }), 'file.export'],
    [key('z', { ctrlKey: true }), null],
    [key('s'), null],
    [key('s', { ctrlKey: true, altKey: true }), null],
  ];
  for (const [event, type] of table) {
    it(`${JSON.stringify(event)} → ${type}`, () => expect(shortcutCommand(event)?.type ?? null).toBe(type));
  }
});

describe('undo and redo keys', () => {
  const table: [ReturnType<typeof key>, 'undo' | 'redo' | null][] = [
    [key('z', { ctrlKey: true }), 'undo'],
    [key('z', { metaKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('Y', { ctrlKey: true, shiftKey: true }), null],
    [key('z'), null],
    [key('z', { ctrlKey: true, altKey: true }), null],
    [key('s', { ctrlKey: true }), null],
  ];
  for (const [event, which] of table) {
    it(`${JSON.stringify(event)} → ${which}`, () => expect(undoShortcut(event)).toBe(which));
  }
});

describe('isTextEditing', () => {
  it('tells text fields from other controls', () => {
    expect(isTextEditing({ tagName: 'input', type: 'text' })).toBe(true);
    expect(isTextEditing({ tagName: 'INPUT', type: 'number' })).toBe(true);
    expect(isTextEditing({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextEditing({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextEditing({ tagName: 'INPUT', type: 'range' })).toBe(false);
    expect(isTextEditing({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextEditing({ tagName: 'TEXTAREA', readOnly: true })).toBe(false);
    expect(isTextEditing({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextEditing(null)).toBe(false);
  });
});

describe('UnsavedTracker', () => {
  it('is dirty while any key has unsaved work', () => {
    const t = new UnsavedTracker();
    expect(t.set('explore', 'Plan')).toBe(true);
    expect(t.set('analyst', 'Run')).toBe(true);
    expect(t.set('explore', null)).toBe(true);
    expect(t.list()).toEqual(['Run']);
    expect(t.set('analyst', null)).toBe(false);
    expect(t.any).toBe(false);
  });
});

describe('checkDocumentBytes (browser)', () => {
  it('accepts a JSON object and refuses the rest with the file name in the message', () => {
    const enc = new TextEncoder();
    expect(checkDocumentBytes('a.json', 'scenario', enc.encode('{"x":1}'))).toEqual({ ok: true, text: '{"x":1}' });
    const bad = checkDocumentBytes('a.json', 'run', enc.encode('{"x":'));
    expect(bad.ok === false && bad.problem.message).toMatch(/^a\.json is damaged or not a run file/);
    const big = checkDocumentBytes('big.json', 'run', new Uint8Array(MAX_DOCUMENT_BYTES + 1));
    expect(big.ok === false && big.problem.code).toBe('too-large');
  });
});

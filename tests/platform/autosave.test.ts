import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AutosaveWarning } from '../../renderer/src/app-commands';
import { checkRecovery, startAutosave, type RecoverableDoc } from '../../renderer/src/platform/autosave';
import { fakePlatform } from './fake-platform';

describe('startAutosave', () => {
  it('puts unsaved work aside, skips unchanged work, and clears the slot once the work is saved', async () => {
    const platform = fakePlatform();
    let doc: RecoverableDoc | null = { kind: 'scenario', name: 'Plan', text: '{"v":1}' };
    // A day-long interval: the test drives flush() itself, so nothing depends on timing.
    const autosave = startAutosave(() => doc, { platform, intervalMs: 86_400_000 });
    await autosave.flush();
    await autosave.flush();
    expect(platform.calls).toEqual(['put scenario Plan']);
    expect(platform.unsaved).toEqual(new Map([['scenario', 'Plan']]));
    doc = { ...doc, text: '{"v":2}' };
    await autosave.flush();
    expect(platform.slots.get('scenario')?.text).toBe('{"v":2}');
    doc = null;
    await autosave.flush();
    expect(platform.calls).toEqual(['put scenario Plan', 'put scenario Plan', 'clear scenario']);
    expect(platform.slots.size).toBe(0);
    expect(platform.unsaved.size).toBe(0);
    autosave.stop();
  });

  it('moves the autosave when the document changes kind, and reports under a custom key', async () => {
    const platform = fakePlatform();
    let doc: RecoverableDoc | null = { kind: 'scenario', name: 'Plan', text: '{}' };
    const autosave = startAutosave(() => doc, { platform, intervalMs: 86_400_000, key: 'analyst' });
    await autosave.flush();
    doc = { kind: 'run', name: 'Run 1', text: '{"r":1}', fileId: 'f1' };
    await autosave.flush();
    expect(platform.calls).toEqual(['put scenario Plan', 'clear scenario', 'put run Run 1']);
    expect(platform.slots.get('run')?.fileId).toBe('f1');
    expect(platform.unsaved).toEqual(new Map([['analyst', 'Run 1']]));
    autosave.stop();
  });

  it('keeps going after a failed write (the next flush tries again)', async () => {
    const platform = fakePlatform();
    let fail = true;
    const put = platform.autosavePut;
    platform.autosavePut = async (d) => {
      if (fail) throw new Error('disk full');
      return put(d);
    };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => void errors.push(a);
    try {
      const autosave = startAutosave(() => ({ kind: 'run', name: 'R', text: '{}' }), { platform, intervalMs: 86_400_000 });
      await autosave.flush();
      fail = false;
      await autosave.flush();
      autosave.stop();
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expect(platform.slots.get('run')?.name).toBe('R');
  });
});

describe('startAutosave: a failing autosave is reported until one succeeds', () => {
  it('tells onFailure why each failed autosave failed, and null once work is put aside again', async () => {
    const platform = fakePlatform();
    const put = platform.autosavePut;
    let full = true;
    platform.autosavePut = async (d) => {
      if (full) throw new Error('disk full');
      return put(d);
    };
    const told: (string | null)[] = [];
    const original = console.error;
    console.error = () => undefined;
    try {
      const autosave = startAutosave(() => ({ kind: 'scenario', name: 'Plan', text: '{}' }), { platform, intervalMs: 86_400_000, onFailure: (why) => told.push(why) });
      await autosave.flush();
      await autosave.flush();
      full = false;
      await autosave.flush();
      autosave.stop();
    } finally {
      console.error = original;
    }
    expect(told).toEqual(['disk full', 'disk full', null]);
  });

  it('the warning is shown while autosave fails, with no way to dismiss it, and is gone once it works', () => {
    const html = renderToStaticMarkup(createElement(AutosaveWarning, { failure: 'disk full' }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('Your changes are not being autosaved</strong> (disk full)');
    expect(html).not.toContain('<button');
    expect(renderToStaticMarkup(createElement(AutosaveWarning, { failure: null }))).toBe('');
  });
});

describe('checkRecovery', () => {
  it('returns nothing when no work was left', async () => {
    expect(await checkRecovery(undefined, fakePlatform())).toBeNull();
  });

  it('offers the newest autosave (or the one of a kind) and says whether the last session crashed', async () => {
    const docs = [
      { kind: 'run' as const, name: 'Run 2', text: '{}', savedAt: '2026-01-02' },
      { kind: 'scenario' as const, name: 'Plan', text: '{}', savedAt: '2026-01-01' },
    ];
    const platform = fakePlatform({ previousCrashed: true, docs });
    expect(await checkRecovery(undefined, platform)).toEqual({ ...docs[0], previousCrashed: true });
    expect(await checkRecovery('scenario', platform)).toEqual({ ...docs[1], previousCrashed: true });
    expect(await checkRecovery('scenario', fakePlatform({ previousCrashed: false, docs }))).toMatchObject({ name: 'Plan', previousCrashed: false });
  });
});

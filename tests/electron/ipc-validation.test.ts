import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IpcChannel } from '../../electron/contract/ipc';
import { APP_ORIGIN } from '../../electron/main/app-protocol';
import { IPC_ARGUMENTS, IpcRejection, isTrustedOrigin, validateCall, type SenderInfo } from '../../electron/main/ipc-validation';
import { MAX_DOCUMENT_BYTES } from '../../electron/main/files/load-document';

const TRUSTED = [APP_ORIGIN];
const GOOD_SENDER: SenderInfo = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true };

describe('IPC sender checks', () => {
  const bad: [string, SenderInfo, RegExp][] = [
    ['a frame on another origin', { ...GOOD_SENDER, frameUrl: 'https://evil.example/index.html' }, /untrusted origin/],
    ['a file:// page', { ...GOOD_SENDER, frameUrl: 'file:///tmp/index.html' }, /untrusted origin/],
    ['an app:// page on another host', { ...GOOD_SENDER, frameUrl: 'app://evil/index.html' }, /untrusted origin/],
    ['a sub-frame of our page', { ...GOOD_SENDER, isMainFrame: false }, /sub-frame/],
    ['a frame that is gone', { ...GOOD_SENDER, frameUrl: null }, /untrusted origin/],
    ['another webContents', { ...GOOD_SENDER, isOurWindow: false }, /not sent by a Momentum window/],
    ['a data: URL', { ...GOOD_SENDER, frameUrl: 'data:text/html,<script>1</script>' }, /untrusted origin/],
  ];
  for (const [what, sender, why] of bad) {
    it(`refuses ${what}`, () => {
      expect(() => validateCall('app:get-info', sender, [], TRUSTED)).toThrow(IpcRejection);
      expect(() => validateCall('app:get-info', sender, [], TRUSTED)).toThrow(why);
    });
  }

  it('accepts our window\'s top frame on app://momentum, and the dev server only when trusted', () => {
    expect(validateCall('app:get-info', GOOD_SENDER, [], TRUSTED)).toEqual([]);
    const dev = { ...GOOD_SENDER, frameUrl: 'http://localhost:5173/' };
    expect(() => validateCall('app:get-info', dev, [], TRUSTED)).toThrow(/untrusted/);
    expect(validateCall('app:get-info', dev, [], [...TRUSTED, 'http://localhost:5173'])).toEqual([]);
    expect(isTrustedOrigin('app://momentum.evil/x', TRUSTED)).toBe(false);
  });
});

describe('IPC argument checks (zod)', () => {
  const text = '{"a":1}';
  const cases: [IpcChannel, unknown[], boolean][] = [
    ['file:open', ['scenario'], true],
    ['file:open', ['run'], true],
    ['file:open', ['exe'], false],
    ['file:open', [], false],
    ['file:open', ['scenario', 'extra'], false],
    ['file:open-recent', ['id-1'], true],
    ['file:open-recent', [''], false],
    ['file:open-recent', ['x'.repeat(300)], false],
    ['file:open-recent', [{ toString: () => 'id' }], false],
    ['file:save', [{ kind: 'scenario', name: 'a.json', text }], true],
    ['file:save', [{ kind: 'scenario', name: 'a.json', text, id: 'id-1' }], true],
    ['file:save', [{ kind: 'scenario', name: 'a.json', text, path: '/etc/passwd' }], false],
    ['file:save', [{ kind: 'scenario', name: '', text }], false],
    ['file:save', [{ kind: 'scenario', name: 'a.json', text: 42 }], false],
    ['file:save', [{ kind: 'scenario', name: 'a.json', text: 'x'.repeat(MAX_DOCUMENT_BYTES + 1) }], false],
    ['file:save', [null], false],
    ['file:save-as', [{ kind: 'run', name: 'r', text }], true],
    ['file:export', [{ name: 'c.png', data: new Uint8Array([1, 2]) }], true],
    ['file:export', [{ name: 'c.csv', data: 'a,b' }], true],
    ['file:export', [{ name: 'c.csv', data: [1, 2] }], false],
    ['file:export', [{ name: 'c.csv' }], false],
    ['autosave:put', [{ kind: 'scenario', name: 'n', text }], true],
    ['autosave:put', [JSON.parse('{"kind":"scenario","name":"n","text":"{}","__proto__":{"polluted":true}}')], false],
    ['autosave:put', [{ kind: 'scenario', name: 'n', text, extra: 1 }], false],
    ['autosave:get', ['scenario'], true],
    ['autosave:get', ['../../etc'], false],
    ['autosave:clear', ['run'], true],
    ['autosave:clear', [undefined], false],
    ['doc:set-unsaved', [{ key: 'explore', title: 'Plan' }], true],
    ['doc:set-unsaved', [{ key: 'explore', title: null }], true],
    ['doc:set-unsaved', [{ key: '', title: null }], false],
    ['shell:open-external', ['https://www.england.nhs.uk/'], true],
    ['shell:open-external', [42], false],
    ['recent:list', [], true],
    ['recent:list', [1], false],
    ['session:recovery', [], true],
    ['team-folder:choose', [], true],
    ['team-folder:choose', ['/home/user/round'], false],
    ['team-folder:stop', ['b1c2'], true],
    ['team-folder:stop', [''], false],
    ['team-folder:stop', [{ path: '/' }], false],
  ];
  for (const [channel, args, ok] of cases) {
    it(`${ok ? 'accepts' : 'refuses'} ${channel}(${JSON.stringify(args).slice(0, 60)})`, () => {
      const call = () => validateCall(channel, GOOD_SENDER, args, TRUSTED);
      if (ok) expect(call()).toStrictEqual(args);
      else expect(call).toThrow(/bad arguments/);
    });
  }

  it('has a schema for every channel the preload calls, and refuses unknown channels', () => {
    const preload = readFileSync(new URL('../../electron/preload/index.ts', import.meta.url), 'utf8');
    const called = [...preload.matchAll(/call\('([a-z:-]+)'/g)].map((m) => m[1]).sort();
    expect(called.length).toBeGreaterThan(10);
    expect(Object.keys(IPC_ARGUMENTS).sort()).toEqual(called);
    expect(() => validateCall('file:delete' as IpcChannel, GOOD_SENDER, [], TRUSTED)).toThrow(/unknown channel/);
  });

  it('never echoes the arguments in the error (they may hold the document)', () => {
    try {
      validateCall('file:save', GOOD_SENDER, [{ kind: 'scenario', name: 'a', text: 'SECRET-PLAN', extra: 1 }], TRUSTED);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain('SECRET-PLAN');
    }
  });
});

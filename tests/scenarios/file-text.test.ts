import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFileText, invalidUtf8Offset } from '../../engine';

describe('decodeFileText: the one reading of file bytes as text', () => {
  it('finds invalid UTF-8 exactly where a strict decoder refuses it, and points at the first bad sequence', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (raw) => {
        let strictOk = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(raw);
        } catch {
          strictOk = false;
        }
        const at = invalidUtf8Offset(raw);
        expect(at === -1).toBe(strictOk);
        // Everything before the offset is well formed.
        if (at > 0) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw.subarray(0, at))).not.toThrow();
      }),
      { numRuns: 5000 },
    );
  });

  it('drops one byte-order mark, refuses two, and never puts U+FFFD in place of a byte', () => {
    const bom = [0xef, 0xbb, 0xbf];
    expect(decodeFileText(new Uint8Array([...bom, 0x7b, 0x7d]))).toEqual({ ok: true, text: '{}' });
    expect(decodeFileText(new Uint8Array([...bom, ...bom, 0x7b, 0x7d]))).toMatchObject({ ok: false, offset: 3 });
    expect(decodeFileText(new Uint8Array([0x22, 0xe9, 0x22]))).toEqual({ ok: false, offset: 1, message: 'is not UTF-8 text: byte 1 (0xE9) is not valid UTF-8; save the file as UTF-8' });
    // A surrogate written as UTF-8 (CESU-8) and a truncated sequence at the end.
    expect(decodeFileText(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toMatchObject({ ok: false, offset: 1 });
    expect(decodeFileText(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toMatchObject({ ok: false, offset: 2 });
  });
});

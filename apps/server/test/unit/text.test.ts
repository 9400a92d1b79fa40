import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, page } from '../../src/platform/http/pagination.ts';
import {
  hasForbiddenCharacters,
  InvalidTextError,
  normalizeEmail,
  normalizeValue,
} from '../../src/platform/text/normalize.ts';

describe('text normalization', () => {
  it('NFC-normalizes nested strings and keeps tabs and newlines', () => {
    const decomposed = 'Cafe\u0301';
    expect(normalizeValue({ a: [decomposed], b: 'x\ty\r\nz' })).toEqual({ a: ['Café'], b: 'x\ty\nz' });
  });

  it('rejects NUL, other control characters and lone surrogates, naming the path', () => {
    for (const bad of ['a\u0000b', 'bell\u0007', 'esc\u001b[0m', 'del\u007f', '\ud800x']) {
      expect(hasForbiddenCharacters(bad)).toBe(true);
    }
    expect(() => normalizeValue({ profile: { name: 'x\u0000' } })).toThrow(InvalidTextError);
    expect(() => normalizeValue({ profile: { name: 'x\u0000' } })).toThrow('/profile/name');
    expect(hasForbiddenCharacters('emoji 👩🏽‍💻 and RTL \u202e text')).toBe(false);
  });

  it('never throws on strings free of control characters, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeValue(text);
        expect(normalizeValue(once)).toEqual(once);
      }),
    );
  });

  it('lower-cases and trims emails', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
  });
});

describe('cursor pagination', () => {
  it('round-trips keys and pages with a next cursor only when more rows exist', () => {
    expect(decodeCursor(encodeCursor(['Ada', 'id-1']), 2)).toEqual(['Ada', 'id-1']);
    const rows = [1, 2, 3].map((n) => ({ n }));
    expect(page(rows, 2, (r) => [r.n])).toEqual({
      items: [{ n: 1 }, { n: 2 }],
      nextCursor: encodeCursor([2]),
    });
    expect(page(rows, 3, (r) => [r.n]).nextCursor).toBeNull();
  });

  it('rejects forged cursors with a 400', () => {
    for (const bad of ['%%%', Buffer.from('{"a":1}').toString('base64url'), encodeCursor(['only-one'])]) {
      expect(() => decodeCursor(bad, 2)).toThrow(/cursor/);
    }
  });
});

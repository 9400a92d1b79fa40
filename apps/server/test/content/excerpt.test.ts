import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/platform/content/index.ts';

describe('excerpt', () => {
  it('collapses whitespace and keeps short text as is', () => {
    expect(excerpt('  a\n\n b\tc  ', 20)).toBe('a b c');
  });

  it('cuts at a word boundary with an ellipsis', () => {
    expect(excerpt('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
    expect(excerpt('Supercalifragilistic', 10)).toBe('Supercali…');
  });

  it('never splits a grapheme cluster', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(excerpt(`ab${family}cd`, 5)).toBe('ab…');
    expect(excerpt('e\u0301e\u0301e\u0301e\u0301', 4)).toBe('e\u0301…');
  });

  it('stays within the budget and never contains markup characters it was not given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 0, max: 120 }), (s, n) => {
        const out = excerpt(s, n);
        expect([...out].length).toBeLessThanOrEqual(n);
        expect(out).not.toMatch(/\s{2}/u);
      }),
      { numRuns: 500 },
    );
  });
});

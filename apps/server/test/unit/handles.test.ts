import { describe, expect, it } from 'vitest';
import { handleBase, searchTextOf } from '../../src/modules/people/handles.ts';

describe('handles', () => {
  it('derives an ASCII, lower-case slug from a name', () => {
    expect(handleBase('Zoë Ångström-Núñez')).toBe('zoe.angstrom.nunez');
    expect(handleBase('  李 ')).toBe('person');
    expect(handleBase('A')).toBe('a.person');
  });

  it('never yields a reserved word that would shadow a route or a mention keyword', () => {
    for (const word of ['facets', 'Me', 'everyone', 'Admin'])
      expect(handleBase(word)).toBe(`${word.toLowerCase()}.person`);
  });

  it('folds accents and case in the search text', () => {
    expect(searchTextOf(['Zoë', null, 'Field Sales', undefined])).toBe('zoe field sales');
  });
});

/** Finding the @mention or #topic being typed at the caret, and replacing it with the chosen one. */

export interface ActiveReference {
  sigil: '@' | '#';
  /** What follows the sigil up to the caret. */
  query: string;
  /** Index of the sigil. */
  start: number;
  /** The caret. */
  end: number;
}

const MENTION_CHAR = /[A-Za-z0-9._-]/;
const TOPIC_CHAR = /[\p{L}\p{M}\p{N}_-]/u;
// Mirrors the server: a reference never starts inside a word, an address or a path.
const NOT_A_BOUNDARY = /[\p{L}\p{M}\p{N}._\-+/\\:=&@#`]/u;
const MAX_QUERY = 50;

/** The reference the caret is in, if any (e.g. "Thanks @ali|" → {sigil:'@', query:'ali'}). */
export function referenceAt(value: string, caret: number): ActiveReference | null {
  let index = caret;
  while (index > 0 && caret - index <= MAX_QUERY) {
    const char = value[index - 1] ?? '';
    if (char === '@' || char === '#') {
      const before = index - 2 >= 0 ? (value[index - 2] ?? '') : '';
      if (before !== '' && NOT_A_BOUNDARY.test(before)) return null;
      const query = value.slice(index, caret);
      const allowed = char === '@' ? MENTION_CHAR : TOPIC_CHAR;
      if (![...query].every((c) => allowed.test(c))) return null;
      if (char === '@' && query !== '' && !/^[A-Za-z0-9]/.test(query)) return null;
      return { sigil: char, query, start: index - 1, end: caret };
    }
    if (!MENTION_CHAR.test(char) && !TOPIC_CHAR.test(char)) return null;
    index--;
  }
  return null;
}

/** Replaces the reference with `@handle ` or `#topic ` and puts the caret after it. */
export function insertReference(value: string, reference: ActiveReference, text: string) {
  const after = value.slice(reference.end);
  const spacer = after.startsWith(' ') ? '' : ' ';
  const inserted = `${reference.sigil}${text}${spacer}`;
  const next = value.slice(0, reference.start) + inserted + after;
  const caret = reference.start + inserted.length + (spacer ? 0 : 1);
  return { value: next, caret };
}

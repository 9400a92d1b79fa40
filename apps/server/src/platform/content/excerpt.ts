/**
 * Short plain-text previews for notifications and link cards. The input is plain text (the `text` of a
 * rendered body); the output is plain text too, to be escaped by whoever puts it into HTML.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const ELLIPSIS = '…';

/**
 * Collapses whitespace and cuts to at most `maxChars` code points (the ellipsis included), never inside
 * a grapheme cluster (emoji sequences, accents), preferring a word boundary in the last fifth.
 */
export function excerpt(text: string, maxChars: number): string {
  const clean = text.toWellFormed().replace(CONTROLS, '').replace(/\s+/gu, ' ').trim();
  if (maxChars <= 0) return '';
  if ([...clean].length <= maxChars) return clean;
  const budget = maxChars - 1;
  let cut = '';
  let used = 0;
  let endsWord = false;
  for (const { segment } of segmenter.segment(clean)) {
    const size = [...segment].length;
    if (used + size > budget) {
      endsWord = segment === ' ';
      break;
    }
    cut += segment;
    used += size;
  }
  const space = cut.lastIndexOf(' ');
  if (!endsWord && space > 0 && [...cut.slice(space)].length <= Math.ceil(budget / 5)) {
    cut = cut.slice(0, space);
  }
  return `${cut.replace(/[\s.,;:!?\-–—]+$/u, '')}${ELLIPSIS}`;
}

/**
 * Topic names (#topics).
 *
 * The normalization rule, applied until the value no longer changes (so it is idempotent):
 * 1. Unicode NFKC (compatibility forms fold: full-width letters, ligatures, superscripts).
 * 2. Lower-case with `String.prototype.toLowerCase`, which is locale-independent (a Turkish or
 *    Lithuanian server locale changes nothing), then NFKC again.
 * 3. Whitespace and underscores become dashes; runs of dashes collapse to one.
 * 4. Leading `#` and dashes, and trailing dashes, are removed.
 *
 * So `#Machine_Learning`, `machine-learning`, `Machine  Learning` and `ＭＡＣＨＩＮＥ－learning` are one
 * topic, `machine-learning`. Letters keep their accents: `#café` is `café`, `#日本語` stays `日本語`.
 */

const MIN_TOPIC = 2;
const MAX_TOPIC = 50;

function step(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s_]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[#-]+/, '')
    .replace(/-+$/, '');
}

export function normalizeTopic(raw: string): string {
  let current = raw;
  // A handful of rounds reach the fixed point; the bound only guards against surprises.
  for (let round = 0; round < 8; round++) {
    const next = step(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

const TOPIC_NAME = /^[\p{L}\p{M}\p{N}_-]+$/u;
const HAS_LETTER = /\p{L}/u;

/**
 * Whether a normalized topic name is acceptable: 2–50 code points of letters, marks, digits, dashes and
 * underscores in any script, with at least one letter (so `#123` and `#2024-25` are not topics).
 */
export function isValidTopic(normalized: string): boolean {
  const length = [...normalized].length;
  return (
    length >= MIN_TOPIC &&
    length <= MAX_TOPIC &&
    TOPIC_NAME.test(normalized) &&
    HAS_LETTER.test(normalized) &&
    normalizeTopic(normalized) === normalized
  );
}

export const TOPIC_LENGTH = { min: MIN_TOPIC, max: MAX_TOPIC } as const;

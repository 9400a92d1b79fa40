/**
 * Text normalization at the API edge: NFC everywhere, and no NUL or control characters (other than tab and
 * newline in free text). PostgreSQL rejects NUL while SQLite stores it, so both dialects see the same input.
 */

// C0 controls except \t \n \r, DEL, C1 controls, and lone surrogates.
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export class InvalidTextError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`${path} contains control characters or NUL bytes`);
    this.path = path;
  }
}

export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** Returns a copy of a JSON value with every string NFC-normalized; throws on forbidden characters. */
export function normalizeValue(value: unknown, path = ''): unknown {
  if (typeof value === 'string') {
    if (hasForbiddenCharacters(value)) throw new InvalidTextError(path || '/');
    return value.normalize('NFC').replace(/\r\n?/g, '\n');
  }
  if (Array.isArray(value)) return value.map((item, i) => normalizeValue(item, `${path}/${i}`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (hasForbiddenCharacters(key)) throw new InvalidTextError(`${path}/${key}`);
      out[key.normalize('NFC')] = normalizeValue(item, `${path}/${key}`);
    }
    return out;
  }
  return value;
}

/** Lower-cased, trimmed email; the one form stored and compared. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

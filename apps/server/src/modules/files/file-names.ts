import { LIMITS } from '@atrium/contracts';

// C0/C1 controls, bidirectional overrides and isolates (the "photo\u202Egnp.exe" trick), zero-width
// characters and the byte-order mark: none belongs in a file name people read.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Characters Windows and shells treat specially; replaced so a saved copy keeps a usable name. */
const RESERVED = /["*/:<>?\\|]/g;

const codePoints = (text: string): string[] => Array.from(text);

/**
 * The uploaded name, made safe to show and to offer as a download name: the last path segment only,
 * NFC, no invisible or reserved characters, no leading or trailing dots and spaces, at most
 * LIMITS.fileName code points (the extension is kept when the stem is shortened).
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    .toWellFormed()
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (name === '') name = 'file';
  const chars = codePoints(name);
  if (chars.length <= LIMITS.fileName) return name;
  const extension = fileExtension(name);
  const suffix = extension === undefined ? '' : `.${extension}`;
  const stem = chars.slice(0, LIMITS.fileName - codePoints(suffix).length).join('');
  return `${stem.replace(/[.\s]+$/, '')}${suffix}`;
}

/**
 * The lower-cased extension when the name has one that looks like a type (letters and digits, at
 * least one letter, at most 10): "report.PDF" → "pdf", "notes v1.2" → undefined.
 */
export function fileExtension(name: string): string | undefined {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  const extension = match?.[1]?.toLowerCase();
  return extension !== undefined && /[a-z]/.test(extension) ? extension : undefined;
}

/** The same name with another extension: a thumbnail of "photo.png" is saved as "photo.webp". */
export function withExtension(name: string, extension: string): string {
  const current = fileExtension(name);
  const stem = current === undefined ? name : name.slice(0, -(current.length + 1));
  return `${stem}.${extension}`;
}

const rfc5987 = (text: string): string =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** RFC 6266: an ASCII fallback for old clients plus the exact UTF-8 name. */
export function contentDisposition(disposition: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["%\\]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${rfc5987(name)}`;
}

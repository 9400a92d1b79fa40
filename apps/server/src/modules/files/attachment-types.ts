import { fileTypeFromBuffer } from 'file-type';
import { badRequest, unsupportedFile } from '../../platform/http/errors.ts';
import { fileExtension } from './file-names.ts';

/**
 * What may be attached, decided from the bytes alone. The declared type and the name's extension are
 * the client's word: they may narrow the answer (a mismatch is refused as a lie), never widen it.
 *
 * - images: JPEG, PNG, GIF, WebP (magic numbers, then decoded by sharp);
 * - documents: PDF, and Word/Excel/PowerPoint (OOXML): a zip is accepted only when its
 *   `[Content_Types].xml` names one of those three main parts (so a plain zip, a .docm or a jar is not);
 * - plain text, CSV and Markdown: no recognisable magic number, valid UTF-8, no NUL or control
 *   characters other than tab, line breaks and form feed, and not starting like HTML, XML or SVG
 *   (those would be active content in a browser). Which of the three is decided by the extension.
 */

interface KnownType {
  readonly label: string;
  readonly extensions: readonly string[];
  readonly image: boolean;
}

const BINARY_TYPES: Readonly<Record<string, KnownType>> = {
  'image/jpeg': { label: 'a JPEG image', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], image: true },
  'image/png': { label: 'a PNG image', extensions: ['png'], image: true },
  'image/gif': { label: 'a GIF image', extensions: ['gif'], image: true },
  'image/webp': { label: 'a WebP image', extensions: ['webp'], image: true },
  'application/pdf': { label: 'a PDF document', extensions: ['pdf'], image: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'a Word document',
    extensions: ['docx'],
    image: false,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'an Excel workbook',
    extensions: ['xlsx'],
    image: false,
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    label: 'a PowerPoint presentation',
    extensions: ['pptx'],
    image: false,
  },
};

const TEXT_BY_EXTENSION: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  text: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
  markdown: 'text/markdown',
};

/**
 * Declared types that say nothing about the content. The multipart parser reports a part without a
 * Content-Type as text/plain, so for a recognised binary type text/plain is no claim either.
 */
const GENERIC_DECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const GENERIC_FOR_BINARY = new Set([...GENERIC_DECLARED, 'text/plain']);
const DECLARED_ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
};
/** What browsers and operating systems declare for text, CSV and Markdown files (Windows: CSV as Excel). */
const TEXT_DECLARED = new Set([
  'text/plain',
  'text/csv',
  'text/x-csv',
  'application/csv',
  'text/comma-separated-values',
  'application/vnd.ms-excel',
  'text/markdown',
  'text/x-markdown',
  'text/x-log',
]);

export const IMAGE_MIME_TYPES: readonly string[] = Object.entries(BINARY_TYPES)
  .filter(([, type]) => type.image)
  .map(([mime]) => mime);

export const isImageMime = (mime: string): boolean => IMAGE_MIME_TYPES.includes(mime);

export interface SniffedType {
  mimeType: string;
  image: boolean;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary content is the point
const BINARY_CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
const MARKUP_START = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed)\b/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function looksLikeText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  return !BINARY_CONTROLS.test(text) && !MARKUP_START.test(text.replace(/^\ufeff/, ''));
}

const mediaType = (declared: string): string => {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  return DECLARED_ALIASES[type] ?? type;
};

const refusedKinds =
  'Attach JPEG, PNG, GIF or WebP images, PDF, Word, Excel or PowerPoint (.docx, .xlsx, .pptx) documents, or plain text, CSV or Markdown files.';

/** Sniffs the bytes and checks them against the declared type and the name; throws 400/415 when refused. */
export async function sniffAttachment(bytes: Buffer, name: string, declared: string): Promise<SniffedType> {
  if (bytes.length === 0)
    throw badRequest('The file is empty.', [{ path: 'body/file', message: 'is empty' }]);
  const declaredType = mediaType(declared);
  const extension = fileExtension(name);
  const detected = await fileTypeFromBuffer(bytes);

  if (detected !== undefined) {
    const known = BINARY_TYPES[detected.mime];
    if (known === undefined) throw unsupportedFile(`This kind of file is not accepted. ${refusedKinds}`);
    if (!GENERIC_FOR_BINARY.has(declaredType) && declaredType !== detected.mime) {
      throw unsupportedFile(`The file was sent as ${declaredType}, but its content is ${known.label}.`);
    }
    if (extension !== undefined && !known.extensions.includes(extension)) {
      throw unsupportedFile(`The name ends in .${extension}, but the content is ${known.label}.`);
    }
    return { mimeType: detected.mime, image: known.image };
  }

  if (!looksLikeText(bytes)) throw unsupportedFile(`This kind of file is not accepted. ${refusedKinds}`);
  if (!GENERIC_DECLARED.has(declaredType) && !TEXT_DECLARED.has(declaredType)) {
    throw unsupportedFile(`The file was sent as ${declaredType}, but its content is plain text.`);
  }
  if (extension !== undefined && TEXT_BY_EXTENSION[extension] === undefined) {
    throw unsupportedFile(
      `The name ends in .${extension}, but the content is plain text: name it .txt, .csv or .md.`,
    );
  }
  const byDeclared =
    declaredType === 'text/csv' || declaredType === 'text/markdown' ? declaredType : undefined;
  const mimeType =
    extension === undefined ? (byDeclared ?? 'text/plain') : (TEXT_BY_EXTENSION[extension] ?? 'text/plain');
  return { mimeType, image: false };
}

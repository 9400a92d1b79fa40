/** Pure text edits behind the composer's toolbar: each returns the new text and where the selection goes. */

export type FormatAction = 'bold' | 'italic' | 'link' | 'list' | 'code' | 'quote';

export interface TextEdit {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

function wrap(value: string, start: number, end: number, before: string, after: string, sample: string) {
  const selected = value.slice(start, end) || sample;
  const next = value.slice(0, start) + before + selected + after + value.slice(end);
  const from = start + before.length;
  return { value: next, selectionStart: from, selectionEnd: from + selected.length };
}

/** Prefixes every line touched by the selection (a list item, a quote). */
function prefixLines(value: string, start: number, end: number, prefix: string): TextEdit {
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = value.indexOf('\n', end);
  const lineEnd =
    end > start && value[end - 1] === '\n' ? end - 1 : nextBreak === -1 ? value.length : nextBreak;
  const block = value.slice(lineStart, lineEnd);
  const lines = block.split('\n');
  const already = lines.every((line) => line.startsWith(prefix));
  const changed = lines.map((line) => (already ? line.slice(prefix.length) : prefix + line)).join('\n');
  // A new block needs a blank line before it, or markdown folds it into the paragraph above.
  const previousLine = value.slice(value.lastIndexOf('\n', lineStart - 2) + 1, Math.max(lineStart - 1, 0));
  const needsGap = !already && previousLine.trim() !== '' && !previousLine.startsWith(prefix);
  const lead = needsGap ? '\n' : '';
  const next = value.slice(0, lineStart) + lead + changed + value.slice(lineEnd);
  const from = lineStart + lead.length;
  return { value: next, selectionStart: from, selectionEnd: from + changed.length };
}

export function applyFormat(value: string, start: number, end: number, action: FormatAction): TextEdit {
  switch (action) {
    case 'bold':
      return wrap(value, start, end, '**', '**', 'bold text');
    case 'italic':
      return wrap(value, start, end, '_', '_', 'italic text');
    case 'code': {
      const selected = value.slice(start, end);
      if (selected.includes('\n')) {
        const lead = start > 0 && value[start - 1] !== '\n' ? '\n' : '';
        return wrap(value, start, end, `${lead}\`\`\`\n`, '\n```\n', 'code');
      }
      return wrap(value, start, end, '`', '`', 'code');
    }
    case 'link': {
      const text = value.slice(start, end) || 'link text';
      const inserted = `[${text}](https://)`;
      const next = value.slice(0, start) + inserted + value.slice(end);
      // Select the address so the person can paste over it.
      const urlStart = start + text.length + 3;
      return { value: next, selectionStart: urlStart, selectionEnd: urlStart + 'https://'.length };
    }
    case 'list':
      return prefixLines(value, start, end, '- ');
    case 'quote':
      return prefixLines(value, start, end, '> ');
  }
}

export const FORMAT_BUTTONS: ReadonlyArray<{ action: FormatAction; label: string; symbol: string }> = [
  { action: 'bold', label: 'Bold', symbol: 'B' },
  { action: 'italic', label: 'Italic', symbol: 'I' },
  { action: 'link', label: 'Link', symbol: 'link' },
  { action: 'list', label: 'Bulleted list', symbol: '•' },
  { action: 'code', label: 'Code', symbol: '</>' },
  { action: 'quote', label: 'Quote', symbol: '❝' },
];

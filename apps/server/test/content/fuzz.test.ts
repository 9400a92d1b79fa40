/**
 * R15 for markdown: render arbitrary and markdown-shaped input and check that it never throws, that the
 * output is a fixed point of the sanitizer, and that nothing executable comes out.
 * ATRIUM_FUZZ_RUNS scales the number of cases (default 2,000 per property); ATRIUM_FUZZ_SECONDS, when
 * set, turns each property into a time-boxed run (e.g. 600 for the 10-minute target).
 * ATRIUM_FUZZ_SEED replays a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTopic, renderMarkdown, sanitizeRenderedHtml } from '../../src/platform/content/index.ts';
import { findings } from './oracle.ts';

const seconds = Number(process.env.ATRIUM_FUZZ_SECONDS ?? 0);
const runs = seconds > 0 ? Number.MAX_SAFE_INTEGER : Number(process.env.ATRIUM_FUZZ_RUNS ?? 2000);
const seed = process.env.ATRIUM_FUZZ_SEED === undefined ? undefined : Number(process.env.ATRIUM_FUZZ_SEED);
const parameters: fc.Parameters<unknown> = {
  numRuns: runs,
  ...(seconds > 0 ? { interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false } : {}),
  ...(seed === undefined ? {} : { seed }),
};
const timeout = seconds > 0 ? seconds * 1000 + 60_000 : 120_000;

const people = new Map(['bob', 'a.b', 'x_1'].map((handle) => [handle, { handle, name: `<${handle}> "&"` }]));
const resolveMention = (handle: string) => people.get(handle);

// Pieces that exercise the parser, the link validator and the sanitizer together.
const PIECES = [
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '\n',
  '\n\n',
  '    ',
  '> ',
  '- ',
  '1. ',
  '# ',
  '| a | b |\n|---|:-:|\n',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '![',
  '](',
  '"',
  "'",
  '\\',
  '&',
  '&#',
  '&#x09;',
  '&colon;',
  ';',
  ':',
  '/',
  '//',
  'javascript:',
  'JaVaScRiPt:',
  'vbscript:',
  'data:text/html,',
  'jav\tascript:',
  'alert(1)',
  'http://',
  'https://',
  'mailto:',
  'www.example.com',
  'x@example.com',
  '@bob',
  '@a.b',
  '@x_1',
  '@nobody',
  '#topic',
  '#café',
  '#日本語',
  '#123',
  '<script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  'onerror=',
  'onclick="',
  '" ',
  '\u0000',
  '\u0007',
  '\u200b',
  '\u202e',
  '\ud800',
  '\udfff',
  'é',
  'e\u0301',
  '👨‍👩‍👧',
  '\t',
  ' ',
  'a',
  'word',
];
const markdownish = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 6 })), {
    maxLength: 80,
  })
  .map((parts) => parts.join(''));
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 400 }),
  markdownish,
);

function check(source: string): void {
  const { html, text, mentions, topics, links } = renderMarkdown(source, { resolveMention });
  expect(sanitizeRenderedHtml(html)).toBe(html);
  expect(html).not.toMatch(/<script/i);
  expect(findings(html)).toEqual([]);
  expect(typeof text).toBe('string');
  for (const handle of mentions) expect(people.has(handle)).toBe(true);
  expect(new Set(mentions).size).toBe(mentions.length);
  expect(new Set(topics).size).toBe(topics.length);
  for (const topic of topics) expect(normalizeTopic(topic)).toBe(topic);
  for (const link of links) expect(link).toMatch(/^https?:\/\//i);
}

describe('R15: markdown fuzzing', () => {
  it(
    'renders any input without throwing, idempotently sanitized, with nothing executable',
    () => {
      fc.assert(fc.property(anyString, check), parameters);
    },
    timeout,
  );

  it(
    'normalizeTopic is idempotent on any input',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), markdownish), (raw) => {
          const once = normalizeTopic(raw);
          expect(normalizeTopic(once)).toBe(once);
        }),
        parameters,
      );
    },
    timeout,
  );

  it('refuses input over the limit with a typed error', () => {
    expect(() => renderMarkdown('a'.repeat(20_001))).toThrow(/longer than 20000/);
    expect(() => renderMarkdown('😀'.repeat(20_000))).not.toThrow();
  });
});

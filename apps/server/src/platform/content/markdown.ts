/**
 * Markdown for posts and comments: markdown-it with raw HTML off, linkify on and typographer off, a
 * token pass for @mentions and #topics, headings demoted (a post's `#` is an `h3`), images reduced to
 * their alt text (attachments are separate), and sanitize-html over the result.
 *
 * Mentions are resolved by the caller, who must answer only for people allowed to see the target: an
 * unresolved `@handle` stays plain text, so the output never reveals whether someone exists.
 */
import { LIMITS } from '@atrium/contracts';
import MarkdownIt, { type Token } from 'markdown-it';
import {
  type MentionTarget,
  type ReferenceEnv,
  type ResolveMention,
  referencesPlugin,
} from './references.ts';
import { isAllowedHref, sanitizeRenderedHtml } from './sanitize.ts';

export type { MentionTarget, ResolveMention } from './references.ts';

export interface RenderOptions {
  /** Answers for people the reader of the target may see; anything else must return undefined. */
  resolveMention?: ResolveMention;
  /** Input bound in code points; defaults to LIMITS.postBody. */
  maxLength?: number;
  /** Distinct mentions linked per body; later ones stay plain text. */
  maxMentions?: number;
  /** Distinct topics linked per body; later ones stay plain text. */
  maxTopics?: number;
}

export interface RenderedContent {
  /** Sanitized HTML. */
  html: string;
  /** Plain text (no markup), for search, previews and notifications. Escape it before putting it in HTML. */
  text: string;
  /** Handles of resolved mentions, de-duplicated, in order of first appearance. */
  mentions: string[];
  /** Normalized topics, de-duplicated, in order of first appearance. */
  topics: string[];
  /** Absolute http(s) links, de-duplicated, in order of first appearance. */
  links: string[];
}

export class ContentTooLongError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`content is longer than ${limit} code points`);
    this.limit = limit;
  }
}

/** Block nesting (quotes, lists) and inline nesting (emphasis, links) are cut off past this depth. */
export const MAX_NESTING = 20;
const DEFAULT_MAX_MENTIONS = 50;
const DEFAULT_MAX_TOPICS = 30;
const HEADING_TAG: Record<string, string> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6' };

const md = new MarkdownIt('default', {
  html: false,
  linkify: true,
  typographer: false,
  breaks: false,
  maxNesting: MAX_NESTING,
});
// Only http(s), mailto and our own absolute paths become links; anything else stays literal text.
md.validateLink = (url: string) => isAllowedHref(url);
md.linkify.set({ fuzzyEmail: true, fuzzyLink: true, fuzzyIP: false });
md.use(referencesPlugin);
md.core.ruler.push('atrium_demote_headings', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = HEADING_TAG[token.tag] ?? 'h6';
    }
  }
});
// Block tags are written without the cosmetic newline markdown-it puts after them: whitespace between
// block elements renders as nothing, and every such text node costs the sanitizer time on large bodies
// (it halves sanitizing a 20 KB table). Text, soft breaks and code blocks keep their newlines.
const renderToken = md.renderer.renderToken;
md.renderer.renderToken = function renderTokenCompact(this: typeof md.renderer, tokens, idx, options) {
  const out = renderToken.call(this, tokens, idx, options);
  return out.endsWith('\n') ? out.slice(0, -1) : out;
};
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx] as Token;
  return md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env));
};

// C0 and C1 controls other than tab and newline; lone surrogates are handled by toWellFormed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) count++;
  }
  return count;
}

function prepare(source: string): string {
  return source.toWellFormed().replace(/\r\n?/g, '\n').replace(CONTROLS, '\ufffd').normalize('NFC');
}

function inlineText(tokens: Token[]): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
      case 'topic':
        out += token.content;
        break;
      case 'mention':
        out += `@${(token.meta as unknown as MentionTarget).handle}`;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      case 'image':
        out += inlineText(token.children ?? []);
        break;
    }
  }
  return out;
}

function plainText(tokens: Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'inline') out += inlineText(token.children ?? []);
    else if (token.type === 'fence' || token.type === 'code_block') out += `${token.content}\n`;
    else if (token.type === 'hr') out += '\n';
    else if (token.type === 'th_close' || token.type === 'td_close') out += '\t';
    else if (token.nesting === -1 && token.block && !token.hidden) out += '\n';
  }
  return out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function collectLinks(tokens: Token[], links: string[]): void {
  for (const token of tokens) {
    if (token.children) collectLinks(token.children, links);
    if (token.type !== 'link_open') continue;
    const href = token.attrGet('href');
    if (typeof href === 'string' && /^https?:\/\//i.test(href) && !links.includes(href)) links.push(href);
  }
}

export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedContent {
  const limit = options.maxLength ?? LIMITS.postBody;
  if (countCodePoints(source) > limit) throw new ContentTooLongError(limit);
  const env: ReferenceEnv = {
    resolveMention: options.resolveMention ?? (() => undefined),
    maxMentions: options.maxMentions ?? DEFAULT_MAX_MENTIONS,
    maxTopics: options.maxTopics ?? DEFAULT_MAX_TOPICS,
    mentions: [],
    topics: [],
    resolved: new Map(),
  };
  const tokens = md.parse(prepare(source), env);
  const links: string[] = [];
  collectLinks(tokens, links);
  const html = sanitizeRenderedHtml(md.renderer.render(tokens, md.options, env));
  return { html, text: plainText(tokens), mentions: env.mentions, topics: env.topics, links };
}

/**
 * The handles a body may mention (every candidate the renderer would ask about, lower-cased), so a
 * caller can look them up in one query, then render with a map-backed resolver.
 */
export function mentionCandidates(source: string, options: Pick<RenderOptions, 'maxLength'> = {}): string[] {
  const asked: string[] = [];
  renderMarkdown(source, {
    ...options,
    resolveMention: (handle) => {
      if (!asked.includes(handle)) asked.push(handle);
      return undefined;
    },
  });
  return asked;
}

/**
 * A markdown-it core rule that finds @mentions and #topics in inline text tokens, after linkify and
 * before text tokens are joined. It works on tokens, never on HTML: code spans and code blocks are not
 * text tokens, text inside links (written or linkified) is skipped, and escaped characters (`\@`, `\#`)
 * and entities (`&#64;`) arrive as separate `text_special` tokens, so they never start a reference.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { isValidTopic, normalizeTopic } from './topics.ts';

export interface MentionTarget {
  handle: string;
  name: string;
}

export type ResolveMention = (handle: string) => MentionTarget | undefined;

/** Per-render state, passed through markdown-it's `env`. */
export interface ReferenceEnv {
  [key: string | symbol]: unknown;
  resolveMention: ResolveMention;
  maxMentions: number;
  maxTopics: number;
  mentions: string[];
  topics: string[];
  /** Memo of resolver answers, so each candidate handle is asked once per render. */
  resolved: Map<string, MentionTarget | undefined>;
}

export const MAX_HANDLE = 40;
const HANDLE = /^[a-z0-9][a-z0-9._-]*$/;
// ASCII handle run after '@'; matched case-insensitively and lower-cased (handles are lower-case).
const MENTION_RUN = /[A-Za-z0-9][A-Za-z0-9._-]*/y;
// Topic run after '#': letters, marks, digits, underscore and dash in any script.
const TOPIC_RUN = /[\p{L}\p{M}\p{N}_-]+/uy;
const TOPIC_CHAR = /[\p{L}\p{M}\p{N}_-]/u;
/**
 * A reference starts only after a boundary. Not after a letter, digit or mark (`bob@example`, `C#`,
 * `page#section`), nor after characters that make it part of an address, path or fragment
 * (`.`, `/`, `\`, `:`, `=`, `&`, `+`, `_`, `-`, `@`, `#`).
 */
const NOT_A_BOUNDARY = /[\p{L}\p{M}\p{N}._\-+/\\:=&@#]/u;
// A reference must not run straight into another address-like character.
const BAD_FOLLOWER = /[\p{L}\p{M}\p{N}@#]/u;

/** The code point ending just before `pos` (a surrogate pair counts as one), or '' at the start. */
function codePointBefore(text: string, pos: number): string {
  if (pos <= 0) return '';
  const unit = text.charCodeAt(pos - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && pos >= 2) {
    const high = text.charCodeAt(pos - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(pos - 2, pos);
  }
  return text.slice(pos - 1, pos);
}

/** The code point starting at `pos`, or '' at the end. */
function codePointAt(text: string, pos: number): string {
  const point = text.codePointAt(pos);
  return point === undefined ? '' : String.fromCodePoint(point);
}

function neighbourText(token: Token | undefined): string | undefined {
  if (token && (token.type === 'text' || token.type === 'text_special')) return token.content;
  return undefined;
}

/** The resolved person and how many characters of the run the handle covers. */
function resolveHandle(
  run: string,
  env: ReferenceEnv,
): { target: MentionTarget; length: number } | undefined {
  // `@bob.` or `@bob-` at the end of a sentence: try the whole run, then without trailing [._-].
  let candidate = run.toLowerCase();
  while (candidate.length > 0) {
    if (candidate.length <= MAX_HANDLE && HANDLE.test(candidate)) {
      let target = env.resolved.get(candidate);
      if (!env.resolved.has(candidate)) {
        target = env.resolveMention(candidate);
        env.resolved.set(candidate, target);
      }
      if (target && HANDLE.test(target.handle)) return { target, length: candidate.length };
    }
    if (!/[._-]$/.test(candidate)) return undefined;
    candidate = candidate.slice(0, -1);
  }
  return undefined;
}

interface Found {
  start: number;
  end: number;
  token: Token;
}

function scanText(state: StateCore, content: string, before: string, after: string, env: ReferenceEnv) {
  const found: Found[] = [];
  const sigils = /[@#]/g;
  let index = 0;
  while (index < content.length) {
    sigils.lastIndex = index;
    const at = sigils.exec(content);
    if (!at) break;
    const pos = at.index;
    const sigil = at[0];
    const previous = pos === 0 ? before : codePointBefore(content, pos);
    index = pos + 1;
    if (previous !== '' && NOT_A_BOUNDARY.test(previous)) continue;

    if (sigil === '@') {
      MENTION_RUN.lastIndex = pos + 1;
      const match = MENTION_RUN.exec(content);
      if (!match) continue;
      const runEnd = pos + 1 + match[0].length;
      index = runEnd;
      const next = runEnd === content.length ? after : codePointAt(content, runEnd);
      if (next !== '' && BAD_FOLLOWER.test(next)) continue;
      const resolved = resolveHandle(match[0], env);
      if (!resolved) continue;
      const { target, length } = resolved;
      const seen = env.mentions.includes(target.handle);
      if (!seen && env.mentions.length >= env.maxMentions) continue;
      if (!seen) env.mentions.push(target.handle);
      const token = new state.Token('mention', 'a', 0);
      token.meta = { handle: target.handle, name: target.name };
      found.push({ start: pos, end: pos + 1 + length, token });
      index = pos + 1 + length;
    } else {
      TOPIC_RUN.lastIndex = pos + 1;
      const match = TOPIC_RUN.exec(content);
      if (!match) continue;
      const runEnd = pos + 1 + match[0].length;
      index = runEnd;
      const next = runEnd === content.length ? after : codePointAt(content, runEnd);
      if (next !== '' && (TOPIC_CHAR.test(next) || next === '#' || next === '@')) continue;
      const raw = match[0].replace(/[_-]+$/, '');
      const normalized = normalizeTopic(raw);
      if (!isValidTopic(normalized) || [...raw].length > 50) continue;
      const seen = env.topics.includes(normalized);
      if (!seen && env.topics.length >= env.maxTopics) continue;
      if (!seen) env.topics.push(normalized);
      const token = new state.Token('topic', 'a', 0);
      token.meta = { topic: normalized };
      token.content = `#${raw}`;
      found.push({ start: pos, end: pos + 1 + raw.length, token });
    }
  }
  return found;
}

function referenceRule(state: StateCore): void {
  const env = state.env as Partial<ReferenceEnv>;
  if (!env.resolveMention || !env.mentions || !env.topics || !env.resolved) return;
  const referenceEnv = env as ReferenceEnv;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children = block.children;
    const output: Token[] = [];
    let linkDepth = 0;
    for (let i = 0; i < children.length; i++) {
      const token = children[i] as Token;
      if (token.type === 'link_open') linkDepth++;
      if (token.type === 'link_close') linkDepth = Math.max(0, linkDepth - 1);
      if (token.type !== 'text' || linkDepth > 0 || !/[@#]/.test(token.content)) {
        output.push(token);
        continue;
      }
      const beforeText = neighbourText(children[i - 1]);
      const afterText = neighbourText(children[i + 1]);
      const found = scanText(
        state,
        token.content,
        beforeText === undefined ? '' : codePointBefore(beforeText, beforeText.length),
        afterText === undefined ? '' : codePointAt(afterText, 0),
        referenceEnv,
      );
      if (found.length === 0) {
        output.push(token);
        continue;
      }
      let cursor = 0;
      for (const item of found) {
        if (item.start > cursor) {
          const text = new state.Token('text', '', 0);
          text.content = token.content.slice(cursor, item.start);
          output.push(text);
        }
        item.token.level = token.level;
        output.push(item.token);
        cursor = item.end;
      }
      if (cursor < token.content.length) {
        const text = new state.Token('text', '', 0);
        text.content = token.content.slice(cursor);
        output.push(text);
      }
    }
    block.children = output;
  }
}

export function referencesPlugin(md: MarkdownIt): void {
  md.core.ruler.after('linkify', 'atrium_references', referenceRule);
  md.renderer.rules.mention = (tokens, idx) => {
    // Only the handle the author typed: the stored HTML is the same for every reader, and a reader of
    // the post may not be allowed to see the mentioned person's name (ACCESS-MODEL.md, invariant 1).
    const meta = (tokens[idx] as Token).meta as unknown as MentionTarget;
    const href = `/people/${encodeURIComponent(meta.handle)}`;
    return `<a href="${href}" class="mention">@${md.utils.escapeHtml(meta.handle)}</a>`;
  };
  md.renderer.rules.topic = (tokens, idx) => {
    const token = tokens[idx] as Token;
    const href = `/topics/${encodeURIComponent((token.meta as { topic: string }).topic)}`;
    return `<a href="${href}" class="topic">${md.utils.escapeHtml(token.content)}</a>`;
  };
}

export { excerpt } from './excerpt.ts';
export {
  ContentTooLongError,
  MAX_NESTING,
  type MentionTarget,
  mentionCandidates,
  type RenderedContent,
  type RenderOptions,
  type ResolveMention,
  renderMarkdown,
} from './markdown.ts';
export { isAllowedHref, SANITIZE_OPTIONS, sanitizeRenderedHtml } from './sanitize.ts';
export { isValidTopic, normalizeTopic, TOPIC_LENGTH } from './topics.ts';

/**
 * Pathological input renders (linear time is measured by bench/content/markdown-render.ts, not asserted
 * here: no timing in unit tests) and nesting stays bounded.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, renderMarkdown } from '../../src/platform/content/index.ts';

import { INPUTS } from './pathological-inputs.ts';

describe('pathological input', () => {
  it('renders every 20 KB pathological body to sanitized HTML without throwing', () => {
    for (const [name, source] of Object.entries(INPUTS)) {
      const { html } = renderMarkdown(source, { resolveMention: (handle) => ({ handle, name: handle }) });
      expect(html, name).not.toMatch(/<script|\son\w+=/i);
    }
  });
  it('bounds nesting depth', () => {
    const { html } = renderMarkdown(`${'>'.repeat(1000)} deep`);
    expect(html.match(/<blockquote>/g)?.length ?? 0).toBeLessThanOrEqual(MAX_NESTING);
    const { html: lists } = renderMarkdown(
      Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
    );
    expect(lists.match(/<ul>/g)?.length ?? 0).toBeLessThanOrEqual(MAX_NESTING);
  });
});

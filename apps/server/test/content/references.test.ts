import { describe, expect, it } from 'vitest';
import {
  isValidTopic,
  mentionCandidates,
  normalizeTopic,
  renderMarkdown,
} from '../../src/platform/content/index.ts';

const people = new Map(
  ['bob', 'alice', 'a.b-c_d', 'x1'].map((handle) => [handle, { handle, name: `Name of ${handle}` }]),
);
const resolveMention = (handle: string) => people.get(handle);
const render = (source: string) => renderMarkdown(source, { resolveMention });

describe('mentions', () => {
  it.each([
    ['@bob', ['bob']],
    ['hi @bob, @alice!', ['bob', 'alice']],
    ['@Bob', ['bob']],
    ['(@bob) [@alice] "@x1"', ['bob', 'alice', 'x1']],
    ['thanks @bob.', ['bob']],
    ['@bob... and @alice-', ['bob', 'alice']],
    ['@a.b-c_d.', ['a.b-c_d']],
    ['**@bob** _@alice_', ['bob', 'alice']],
    ['@bob @alice @bob', ['bob', 'alice']],
    ['bob@example.com', []],
    ['mail alice@bob.example or x@bob', []],
    ['`@bob`', []],
    ['```\n@bob\n```', []],
    ['    @bob', []],
    ['[@bob](https://example.com)', []],
    ['https://example.com/@bob', []],
    ['example.com/@bob', []],
    ['\\@bob', []],
    ['&#64;bob', []],
    ['@@bob', []],
    ['@bob@alice', []],
    ['@bobé', []],
    ['@nobody', []],
    ['a/@bob', []],
    [`@${'a'.repeat(41)}`, []],
    ['![@bob](https://x.example/a.png)', []],
    ['![@bob](x.png)', ['bob']],
  ])('%j mentions %j', (source, expected) => {
    expect(render(source).mentions).toEqual(expected);
  });

  it('links resolved mentions and leaves unresolved ones as plain text', () => {
    const { html, text } = render('@bob meets @carol');
    expect(html).toBe('<p><a href="/people/bob" class="mention">@bob</a> meets @carol</p>');
    expect(text).toBe('@bob meets @carol');
  });

  it('asks the resolver once per candidate and lists candidates for batch lookup', () => {
    const asked: string[] = [];
    renderMarkdown('@bob @bob @Bob @carol. `@dave` erin@example.com', {
      resolveMention: (h) => {
        asked.push(h);
        return undefined;
      },
    });
    expect(asked).toEqual(['bob', 'carol.', 'carol']);
    expect(mentionCandidates('@bob @bob @Bob @carol.')).toEqual(['bob', 'carol.', 'carol']);
  });

  it('caps the number of distinct mentions', () => {
    const result = renderMarkdown('@bob @alice @x1 @bob', { resolveMention, maxMentions: 2 });
    expect(result.mentions).toEqual(['bob', 'alice']);
    expect(result.html).toContain(' @x1 ');
  });
});

describe('topics', () => {
  it.each([
    ['#launch', ['launch']],
    ['#Launch #LAUNCH #launch', ['launch']],
    ['#café #日本語 #Ünïcödé', ['café', '日本語', 'ünïcödé']],
    ['#machine_learning #Machine-Learning #machine--learning', ['machine-learning']],
    ['#q3-2025 #2025 #123 #2024-25', ['q3-2025']],
    ['#a #ab', ['ab']],
    ['#topic. #other, (#third) #fourth!', ['topic', 'other', 'third', 'fourth']],
    ['#trailing_ #dash-', ['trailing', 'dash']],
    ['`#code` and\n\n```\n#block\n```', []],
    ['C# and page#section', []],
    ['https://example.com/page#section', []],
    ['example.com/#section', []],
    ['[#linked](https://example.com)', []],
    ['\\#escaped &#35;entity', []],
    ['#a#b', []],
    ['# Heading', []],
    ['#Heading-with-topic', ['heading-with-topic']],
    [`#${'x'.repeat(50)}`, ['x'.repeat(50)]],
    [`#${'x'.repeat(51)}`, []],
    ['#ＦＵＬＬ', ['full']],
  ])('%j has topics %j', (source, expected) => {
    expect(render(source).topics).toEqual(expected);
  });

  it('links topics to their normalized page', () => {
    expect(render('#Café_Talk').html).toBe(
      '<p><a href="/topics/caf%C3%A9-talk" class="topic">#Café_Talk</a></p>',
    );
  });
});

describe('normalizeTopic', () => {
  it.each([
    ['#Launch', 'launch'],
    ['  ##Machine_Learning ', 'machine-learning'],
    ['machine  learning', 'machine-learning'],
    ['a__b--c', 'a-b-c'],
    ['-#-x-', 'x'],
    ['ＡＢＣ', 'abc'],
    ['ﬁsh', 'fish'],
    ['İstanbul', 'i̇stanbul'],
    ['ΣΊΣΥΦΟΣ', 'σίσυφος'],
    ['日本語', '日本語'],
  ])('%j → %j', (raw, normalized) => {
    expect(normalizeTopic(raw)).toBe(normalized);
    expect(normalizeTopic(normalized)).toBe(normalized);
  });

  it('validates names', () => {
    expect(isValidTopic('launch')).toBe(true);
    expect(isValidTopic('x')).toBe(false);
    expect(isValidTopic('123')).toBe(false);
    expect(isValidTopic('Launch')).toBe(false);
    expect(isValidTopic('a b')).toBe(false);
  });
});

describe('links and rendering', () => {
  it('collects absolute http(s) links in order, once', () => {
    const { links } = render(
      'see https://a.example/x and [b](http://b.example) and www.example.com, [m](mailto:x@y.example), ' +
        '[rel](/spaces/s), again https://a.example/x',
    );
    expect(links).toEqual(['https://a.example/x', 'http://b.example', 'http://www.example.com']);
  });

  it('demotes headings and reduces images to alt text', () => {
    const { html, text } = render('# One\n## Two\n#### Four\n\n![a *chart*](https://x.example/c.png)');
    expect(html).toBe('<h3>One</h3><h4>Two</h4><h6>Four</h6><p>a chart</p>');
    expect(text).toBe('One\nTwo\nFour\na chart');
  });

  it('renders tables, lists, quotes, code and strikethrough', () => {
    const { html } = render('> quote\n\n- a\n- b\n\n3. c\n\n~~gone~~ `x`\n\n```ts\nconst a = 1;\n```\n\n---');
    expect(html).toBe(
      '<blockquote><p>quote</p></blockquote><ul><li>a</li><li>b</li></ul><ol start="3"><li>c</li></ol>' +
        '<p><s>gone</s> <code>x</code></p><pre><code class="language-ts">const a = 1;\n</code></pre>\n<hr />',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { nextDigestAt } from '../../src/modules/notification-email/digest-schedule.ts';
import {
  DIGEST_SHOWN,
  digestEmail,
  type EmailItem,
  immediateEmail,
  singleLine,
} from '../../src/modules/notification-email/email-templates.ts';
import {
  readUnsubscribeToken,
  unsubscribeToken,
} from '../../src/modules/notification-email/unsubscribe-tokens.ts';

const SECRET = 'unit-secret-unit-secret-unit-secret-0123';
const PERSON = '01938f4e-6c1a-7b3e-9d2f-0a1b2c3d4e5f';

describe('unsubscribe tokens', () => {
  it('round-trip person and scope', () => {
    for (const scope of ['mention', 'digest', 'all', 'poll_closed'] as const) {
      expect(readUnsubscribeToken(SECRET, unsubscribeToken(SECRET, PERSON, scope))).toEqual({
        personId: PERSON,
        scope,
      });
    }
  });

  it('are URL-safe as they are', () => {
    const token = unsubscribeToken(SECRET, PERSON, 'all');
    expect(encodeURIComponent(token)).toBe(token);
  });

  it('refuse another secret (a rotated one), another person or scope, and garbage', () => {
    const token = unsubscribeToken(SECRET, PERSON, 'mention');
    const [version, person, , sig] = token.split('.');
    expect(readUnsubscribeToken(`${SECRET}-rotated`, token)).toBeNull();
    expect(readUnsubscribeToken(SECRET, `${version}.${person}.all.${sig}`)).toBeNull();
    expect(readUnsubscribeToken(SECRET, `${version}.${PERSON.replace('0', '1')}.mention.${sig}`)).toBeNull();
    expect(readUnsubscribeToken(SECRET, `u2.${person}.mention.${sig}`)).toBeNull();
    for (const junk of ['', '....', 'u1.a.b', `u1.${person}.mention.${sig}.x`, `u1.${person}.bogus.${sig}`]) {
      expect(readUnsubscribeToken(SECRET, junk)).toBeNull();
    }
  });
});

describe('nextDigestAt', () => {
  const daily = { digest: 'daily', digestHour: 8, digestWeekday: 1 } as const;

  it('is the next top of the chosen hour in the zone, strictly after now', () => {
    // 08:00 in Tokyo (UTC+9) is 23:00 UTC the day before.
    expect(nextDigestAt(daily, 'Asia/Tokyo', new Date('2026-05-10T22:59:00Z'))?.toISOString()).toBe(
      '2026-05-10T23:00:00.000Z',
    );
    expect(nextDigestAt(daily, 'Asia/Tokyo', new Date('2026-05-10T23:00:00Z'))?.toISOString()).toBe(
      '2026-05-11T23:00:00.000Z',
    );
  });

  it('follows daylight saving time', () => {
    // New York: EST (UTC-5) until 8 March 2026 02:00, EDT (UTC-4) after.
    expect(nextDigestAt(daily, 'America/New_York', new Date('2026-03-07T14:00:00Z'))?.toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
    expect(nextDigestAt(daily, 'America/New_York', new Date('2026-03-06T14:00:00Z'))?.toISOString()).toBe(
      '2026-03-07T13:00:00.000Z',
    );
  });

  it('weekly falls on the ISO weekday (7 is Sunday)', () => {
    const sunday = { digest: 'weekly', digestHour: 18, digestWeekday: 7 } as const;
    // Wednesday 2026-05-13 → Sunday 2026-05-17 18:00 in Berlin (UTC+2).
    expect(nextDigestAt(sunday, 'Europe/Berlin', new Date('2026-05-13T10:00:00Z'))?.toISOString()).toBe(
      '2026-05-17T16:00:00.000Z',
    );
    const monday = { ...sunday, digestWeekday: 1 };
    expect(nextDigestAt(monday, 'Europe/Berlin', new Date('2026-05-13T10:00:00Z'))?.toISOString()).toBe(
      '2026-05-18T16:00:00.000Z',
    );
  });

  it('reads a missing or unknown zone as UTC, and off as never', () => {
    const now = new Date('2026-05-13T10:00:00Z');
    expect(nextDigestAt(daily, null, now)?.toISOString()).toBe('2026-05-14T08:00:00.000Z');
    expect(nextDigestAt(daily, 'Mars/Olympus', now)?.toISOString()).toBe('2026-05-14T08:00:00.000Z');
    expect(nextDigestAt({ ...daily, digest: 'off' }, 'UTC', now)).toBeNull();
  });
});

const links = { publicUrl: 'https://atrium.example', tokenFor: (scope: string) => `tok-${scope}` };
const item = (over: Partial<EmailItem> = {}): EmailItem => ({
  type: 'mention',
  text: 'Ana mentioned you in a post',
  url: '/posts/p1',
  excerpt: 'Hello there',
  spaceName: null,
  ...over,
});

describe('email templates', () => {
  it('escape every interpolated value in HTML and keep text plain', () => {
    const evil = item({
      text: '<img src=x onerror=alert(1)> mentioned you',
      excerpt: '"quoted" & <script>',
      spaceName: "O'Reilly <team>",
      url: '/posts/p1#comment-"x"',
    });
    const email = immediateEmail([evil], links);
    expect(email?.html).not.toContain('<img');
    expect(email?.html).not.toContain('<script>');
    expect(email?.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email?.html).toContain('O&#39;Reilly &lt;team&gt;');
    expect(email?.html).toContain('href="https://atrium.example/posts/p1#comment-&quot;x&quot;"');
    expect(email?.text).toContain('"quoted" & <script>');
  });

  it('subjects are one line, cut to a bounded length', () => {
    expect(singleLine('a\r\nBcc: x@example.com\tz')).toBe('a Bcc: x@example.com z');
    const long = immediateEmail([item({ text: `${'x'.repeat(300)}\nInjected: y` })], links);
    expect(long?.subject).not.toMatch(/[\r\n]/);
    expect([...(long?.subject ?? '')].length).toBeLessThanOrEqual(140);
  });

  it('one type: its unsubscribe link is the one-click target; mixed types: "all" with a link per type', () => {
    const one = immediateEmail([item(), item()], links);
    expect(one?.headers['List-Unsubscribe']).toBe(
      '<https://atrium.example/api/v1/unsubscribe?token=tok-mention>',
    );
    expect(one?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const mixed = immediateEmail([item(), item({ type: 'praise', text: 'Ben praised you' })], links);
    expect(mixed?.headers['List-Unsubscribe']).toBe(
      '<https://atrium.example/api/v1/unsubscribe?token=tok-all>',
    );
    expect(mixed?.text).toContain('https://atrium.example/unsubscribe?token=tok-mention');
    expect(mixed?.text).toContain('https://atrium.example/unsubscribe?token=tok-praise');
    expect(mixed?.subject).toBe('2 new notifications in Atrium');
  });

  it('nothing to show: no email', () => {
    expect(immediateEmail([], links)).toBeNull();
    expect(digestEmail([], 'daily', links)).toBeNull();
  });

  it('a long digest names the first items and counts the rest', () => {
    const items = Array.from({ length: DIGEST_SHOWN + 5 }, (_, i) => item({ url: `/posts/p${i}` }));
    const email = digestEmail(items, 'weekly', links);
    expect(email?.subject).toBe(`Your weekly Atrium digest: ${DIGEST_SHOWN + 5} new notifications`);
    expect(email?.text).toContain('…and 5 more in Atrium');
    expect(email?.text).not.toContain(`/posts/p${DIGEST_SHOWN}\n`);
    expect(email?.headers['List-Unsubscribe']).toContain('tok-digest');
  });
});

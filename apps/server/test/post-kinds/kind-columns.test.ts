import { describe, expect, it } from 'vitest';
import { type KindInput, type KindTarget, kindColumns } from '../../src/modules/posts/kinds/kind-details.ts';
import { pollOptionLabels } from '../../src/modules/posts/kinds/kind-rules.ts';
import type { Viewer } from '../../src/platform/access/people.ts';
import { AppError } from '../../src/platform/http/errors.ts';

const user: Viewer = { id: 'p-user', kind: 'member', role: 'user' };
const siteAdmin: Viewer = { id: 'p-admin', kind: 'member', role: 'admin' };
const company: KindTarget = { type: 'company', membership: undefined };
const space = (role?: 'owner' | 'admin' | 'moderator' | 'member'): KindTarget => ({
  type: 'space',
  membership: role ? { role } : undefined,
});
const future = () => new Date(Date.now() + 3_600_000).toISOString();
const past = () => new Date(Date.now() - 60_000).toISOString();

/** The status and detail of the AppError `run` throws. */
function refusal(run: () => unknown): { status: number; detail: string | undefined; path?: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.status, detail: error.detail, path: error.errors?.[0]?.path };
  }
  throw new Error('expected a refusal');
}

const poll = (options: string[], extra: Partial<NonNullable<KindInput['poll']>> = {}): KindInput => ({
  kind: 'poll',
  poll: { options, ...extra },
});

describe('kindColumns: which part goes with which kind', () => {
  it('plain updates and questions set nothing', () => {
    const plain = { badge: null, requires_ack: 0, pinned_until: null };
    expect(kindColumns(user, company, { kind: 'update' })).toEqual(plain);
    expect(kindColumns(user, company, { kind: 'question' })).toEqual(plain);
  });

  it('refuses a part on a post of another kind (400)', () => {
    const options = { options: ['a', 'b'] };
    expect(refusal(() => kindColumns(user, company, { kind: 'update', poll: options }))).toMatchObject({
      status: 400,
      path: 'body/poll',
    });
    expect(
      refusal(() =>
        kindColumns(user, company, { kind: 'question', praise: { recipientIds: ['x'], badge: 'mentor' } }),
      ).status,
    ).toBe(400);
    expect(
      refusal(() => kindColumns(siteAdmin, company, { kind: 'poll', poll: options, announcement: {} })).path,
    ).toBe('body/announcement');
    expect(refusal(() => kindColumns(user, company, { kind: 'update', announcement: {} })).status).toBe(400);
  });

  it('requires the part of a poll and of praise', () => {
    expect(refusal(() => kindColumns(user, company, { kind: 'poll' })).path).toBe('body/poll');
    expect(refusal(() => kindColumns(user, company, { kind: 'praise' })).path).toBe('body/praise');
  });
});

describe('kindColumns: polls', () => {
  it('accepts 2 to 10 distinct options and a future deadline', () => {
    expect(kindColumns(user, company, poll(['Yes', 'No'], { closesAt: future() }))).toEqual({
      badge: null,
      requires_ack: 0,
      pinned_until: null,
    });
    expect(() =>
      kindColumns(user, space('member'), poll(Array.from({ length: 10 }, (_, i) => `o${i}`))),
    ).not.toThrow();
  });

  it('refuses one option, eleven options, blank options and duplicates ignoring case and spaces', () => {
    expect(refusal(() => kindColumns(user, company, poll(['Only'])))).toMatchObject({
      status: 400,
      detail: 'A poll has between 2 and 10 options.',
    });
    expect(
      refusal(() => kindColumns(user, company, poll(Array.from({ length: 11 }, (_, i) => `o${i}`)))).status,
    ).toBe(400);
    expect(refusal(() => kindColumns(user, company, poll(['Yes', '   '])))).toMatchObject({
      status: 400,
      path: 'body/poll/options/1',
    });
    expect(refusal(() => kindColumns(user, company, poll(['Yes', 'No', ' yes '])))).toMatchObject({
      status: 400,
      detail: 'The option "yes" appears twice.',
      path: 'body/poll/options/2',
    });
    // Composed and decomposed "é" are the same answer after NFC.
    expect(refusal(() => kindColumns(user, company, poll(['Caf\u00e9', 'cafe\u0301']))).status).toBe(400);
  });

  it('refuses a deadline in the past', () => {
    expect(refusal(() => kindColumns(user, company, poll(['a', 'b'], { closesAt: past() })))).toMatchObject({
      status: 400,
      path: 'body/poll/closesAt',
    });
  });

  it('stores labels trimmed and NFC-normalized', () => {
    expect(pollOptionLabels({ options: ['  Yes ', 'cafe\u0301'] })).toEqual(['Yes', 'caf\u00e9']);
  });
});

describe('kindColumns: praise', () => {
  it('sets the badge', () => {
    expect(
      kindColumns(user, company, {
        kind: 'praise',
        praise: { recipientIds: ['a', 'b'], badge: 'team_player' },
      }),
    ).toEqual({ badge: 'team_player', requires_ack: 0, pinned_until: null });
  });

  it('refuses duplicate recipients, too many, none, and praising oneself', () => {
    const praise = (recipientIds: string[]): KindInput => ({
      kind: 'praise',
      praise: { recipientIds, badge: 'mentor' },
    });
    expect(refusal(() => kindColumns(user, company, praise(['a', 'b', 'a'])))).toMatchObject({
      status: 400,
      path: 'body/praise/recipientIds/2',
    });
    expect(refusal(() => kindColumns(user, company, praise([]))).status).toBe(400);
    expect(
      refusal(() => kindColumns(user, company, praise(Array.from({ length: 21 }, (_, i) => `p${i}`)))).status,
    ).toBe(400);
    expect(refusal(() => kindColumns(user, company, praise([user.id])))).toMatchObject({
      status: 400,
      detail: 'You cannot praise yourself.',
    });
  });
});

describe('kindColumns: announcements', () => {
  const announce = (announcement: KindInput['announcement'] = {}): KindInput => ({
    kind: 'announcement',
    announcement,
  });

  it('site admins announce in the company feed; owners and admins of a space in it', () => {
    const pinnedUntil = future();
    expect(kindColumns(siteAdmin, company, announce({ pinnedUntil, requiresAck: true }))).toEqual({
      badge: null,
      requires_ack: 1,
      pinned_until: pinnedUntil,
    });
    expect(kindColumns(user, space('owner'), announce()).requires_ack).toBe(0);
    expect(kindColumns(user, space('admin'), { kind: 'announcement' }).pinned_until).toBeNull();
    expect(kindColumns(siteAdmin, space(), announce()).requires_ack).toBe(0);
  });

  it('refuses everyone else with 403', () => {
    expect(refusal(() => kindColumns(user, company, announce())).status).toBe(403);
    expect(refusal(() => kindColumns({ ...user, role: 'moderator' }, company, announce())).status).toBe(403);
    expect(refusal(() => kindColumns(user, space('moderator'), announce())).status).toBe(403);
    expect(refusal(() => kindColumns(user, space('member'), announce())).status).toBe(403);
    expect(refusal(() => kindColumns(user, space(), announce())).status).toBe(403);
  });

  it('refuses profiles and records as targets (400), and a pin that ends in the past', () => {
    for (const type of ['person', 'record'] as const) {
      expect(refusal(() => kindColumns(siteAdmin, { type, membership: undefined }, announce())).status).toBe(
        400,
      );
    }
    expect(refusal(() => kindColumns(siteAdmin, company, announce({ pinnedUntil: past() })))).toMatchObject({
      status: 400,
      path: 'body/announcement/pinnedUntil',
    });
  });

  it('stores the pin as canonical UTC text', () => {
    const local = '2999-01-02T03:04:05+02:00';
    expect(kindColumns(siteAdmin, company, announce({ pinnedUntil: local })).pinned_until).toBe(
      '2999-01-02T01:04:05.000Z',
    );
  });
});

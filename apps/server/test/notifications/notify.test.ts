import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_KEPT_ACTORS,
  type NotificationDraft,
  notify,
  notifyAll,
} from '../../src/modules/notifications/commands/notify.ts';
import { readableNotifications } from '../../src/modules/notifications/notification-reads.ts';
import { actorPhrase, plainTextOf } from '../../src/modules/notifications/notifications.presenter.ts';
import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import { newId } from '../../src/platform/db/time.ts';
import { insertPost } from '../support/conversation-factories.ts';
import { buildPerson } from '../support/factories.ts';
import { addMember, buildSpace } from '../support/space-factories.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let recipient: PersonRow;
const actors: PersonRow[] = [];

beforeAll(async () => {
  app = await createTestApp();
  recipient = await buildPerson(app, { name: 'Rita Recipient' });
  for (let i = 0; i < 12; i += 1)
    actors.push(await buildPerson(app, { name: `Actor ${String(i).padStart(2, '0')}` }));
});
afterAll(async () => {
  await app.close();
});

const draft = (key: string, actor: PersonRow, fold = true): NotificationDraft => ({
  recipientId: recipient.id,
  type: 'reaction',
  actorId: actor.id,
  subjectType: 'post',
  subjectId: key,
  postId: null,
  spaceId: null,
  data: {},
  key,
  fold,
});

const createdEvents = async (notificationId: string) =>
  (
    await app.ctx.db
      .selectFrom('events')
      .select('payload')
      .where('name', '=', 'notification.created')
      .where('subject_id', '=', notificationId)
      .orderBy('id')
      .execute()
  ).map((e) => JSON.parse(e.payload) as { grouped: boolean });

describe('notify', () => {
  it('folds concurrent drafts for one key into one row without losing an actor, on either dialect', async () => {
    const key = `race:${newId()}`;
    const results = await Promise.all(actors.slice(0, 8).map((actor) => notify(app.ctx, draft(key, actor))));
    const rows = await app.ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('open_group', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.actor_count).toBe(8);
    expect(new Set(JSON.parse(row?.actor_ids ?? '[]'))).toEqual(new Set(actors.slice(0, 8).map((a) => a.id)));
    expect(new Set(results.map((r) => r?.id))).toEqual(new Set([row?.id]));
    const events = await createdEvents(row?.id ?? '');
    expect(events.filter((e) => !e.grouped)).toHaveLength(1);
    expect(events.filter((e) => e.grouped)).toHaveLength(7);
  });

  it('keeps the newest actors first, capped, counting each distinct actor once', async () => {
    const key = `cap:${newId()}`;
    for (const actor of actors) await notify(app.ctx, draft(key, actor));
    // Still among the kept ten: moves to the front, not counted again.
    const again = actors[5];
    if (!again) throw new Error('no actors');
    await notify(app.ctx, draft(key, again));
    const row = await app.ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('open_group', '=', key)
      .executeTakeFirstOrThrow();
    const kept = JSON.parse(row.actor_ids) as string[];
    expect(row.actor_count).toBe(actors.length);
    expect(kept).toHaveLength(MAX_KEPT_ACTORS);
    expect(kept[0]).toBe(again.id);
    expect(kept[1]).toBe(actors.at(-1)?.id);
    expect(kept.filter((id) => id === again.id)).toHaveLength(1);
  });

  it('ignores a repeat of an ungrouped notification while it is unread (an event delivered twice)', async () => {
    const key = `once:${newId()}`;
    const [actor] = actors;
    if (!actor) throw new Error('no actors');
    expect(await notify(app.ctx, draft(key, actor, false))).not.toBeNull();
    expect(await notify(app.ctx, draft(key, actor, false))).toBeNull();
    const many = [draft(key, actor, false), draft(`${key}:b`, actor, false), draft(`${key}:b`, actor, false)];
    await notifyAll(app.ctx, many);
    const rows = await app.ctx.db
      .selectFrom('notifications')
      .select('open_group')
      .where('open_group', 'like', `${key}%`)
      .execute();
    expect(rows.map((r) => r.open_group).sort()).toEqual([key, `${key}:b`]);
  });
});

describe('readableNotifications', () => {
  it('returns only the recipient’s own notifications whose post they may still read, in the order asked', async () => {
    const owner = await buildPerson(app);
    const space = await buildSpace(app, owner, { visibility: 'private', name: 'Inner Circle' });
    await addMember(app, space, recipient);
    const visible = await insertPost(app, owner, { type: 'company' }, { body: 'Company & friends <3' });
    const secret = await insertPost(app, owner, { type: 'space', id: space.id });
    const [a, b] = await Promise.all(
      [visible, secret].map((p) =>
        notify(app.ctx, {
          ...draft(`read:${p.id}`, owner, false),
          type: 'mention',
          postId: p.id,
          spaceId: p.space_id,
        }),
      ),
    );
    const ids = [b?.id ?? '', a?.id ?? ''];
    expect((await readableNotifications(app.ctx.db, recipient, ids)).map((n) => n.id)).toEqual(ids);
    const [shown] = await readableNotifications(app.ctx.db, recipient, [a?.id ?? '']);
    expect(shown).toMatchObject({
      text: `${owner.name} mentioned you in a post`,
      excerpt: 'Company & friends <3',
    });
    await app.ctx.db.deleteFrom('space_members').where('person_id', '=', recipient.id).execute();
    expect((await readableNotifications(app.ctx.db, recipient, ids)).map((n) => n.id)).toEqual([a?.id]);
    expect(await readableNotifications(app.ctx.db, owner, ids)).toEqual([]);
  });
});

describe('presenter', () => {
  it('names actors the recipient may see and counts the rest', () => {
    expect(actorPhrase(['Ana Ruiz'], 1)).toBe('Ana Ruiz');
    expect(actorPhrase(['Ana Ruiz', 'Ben Li'], 2)).toBe('Ana Ruiz and Ben Li');
    expect(actorPhrase(['Ana Ruiz'], 2)).toBe('Ana Ruiz and 1 other');
    expect(actorPhrase(['Ana Ruiz', 'Ben Li', 'Carl Diaz'], 5)).toBe('Ana Ruiz and 4 others');
    expect(actorPhrase([], 1)).toBe('Someone');
    expect(actorPhrase([], 3)).toBe('3 people');
  });

  it('reads plain text out of sanitized HTML', () => {
    expect(plainTextOf('<p>Fish &amp; chips &lt;3 &#x1F41F; &#128031;</p><p>next</p>')).toBe(
      'Fish & chips <3 🐟 🐟 next',
    );
  });
});

import type { NotificationDelivery, NotificationType } from '@atrium/contracts';
import type { PersonRow } from '../../src/modules/people/people.repository.ts';
import type { PostsTable } from '../../src/platform/db/schema-conversation.ts';
import { nowIso } from '../../src/platform/db/time.ts';
import { buildPost, type PostOverrides } from '../support/post-factories.ts';
import type { CapturedMail, SmtpSink } from '../support/smtp-sink.ts';
import type { TestApp } from '../support/test-app.ts';

export const HOUR = 3_600_000;

/** A post by `author` mentioning `who`, with every resulting event (and immediate email) delivered. */
export async function mention(
  app: TestApp,
  author: PersonRow,
  who: PersonRow,
  overrides: PostOverrides = {},
): Promise<PostsTable> {
  const post = await buildPost(app, author, { body: `Hello @${who.handle}, see this`, ...overrides });
  await app.drainEvents();
  return post;
}

export async function setSettings(
  app: TestApp,
  person: PersonRow,
  values: {
    digest?: 'off' | 'daily' | 'weekly';
    digestHour?: number;
    digestWeekday?: number;
    quietStart?: string | null;
    quietEnd?: string | null;
    timeZone?: string | null;
  },
): Promise<void> {
  const row = {
    digest: values.digest ?? 'daily',
    digest_hour: values.digestHour ?? 8,
    digest_weekday: values.digestWeekday ?? 1,
    quiet_start: values.quietStart ?? null,
    quiet_end: values.quietEnd ?? null,
    updated_at: nowIso(),
  };
  await app.ctx.db
    .insertInto('notification_settings')
    .values({ person_id: person.id, ...row })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
    .execute();
  if (values.timeZone !== undefined) {
    await app.ctx.db
      .updateTable('people')
      .set({ time_zone: values.timeZone })
      .where('id', '=', person.id)
      .execute();
  }
}

export async function setDelivery(
  app: TestApp,
  person: PersonRow,
  type: NotificationType,
  delivery: NotificationDelivery,
): Promise<void> {
  await app.ctx.db
    .insertInto('notification_preferences')
    .values({ person_id: person.id, type, space_id: '', delivery, updated_at: nowIso() })
    .onConflict((oc) => oc.columns(['person_id', 'type', 'space_id']).doUpdateSet({ delivery }))
    .execute();
}

export async function setDoNotDisturb(app: TestApp, person: PersonRow): Promise<void> {
  await app.ctx.db
    .insertInto('person_status')
    .values({
      person_id: person.id,
      availability: 'do_not_disturb',
      message: null,
      until: null,
      working_hours: null,
      updated_at: nowIso(),
    })
    .execute();
}

/** 'HH:MM' of an instant on a UTC clock. */
export const utcClock = (at: Date): string => at.toISOString().slice(11, 16);

export async function jobOf(app: TestApp, key: string) {
  return app.ctx.db.selectFrom('scheduled_jobs').selectAll().where('job_key', '=', key).executeTakeFirst();
}

export async function notificationsOf(app: TestApp, person: PersonRow) {
  return app.ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_id', '=', person.id)
    .orderBy('created_at')
    .execute();
}

/** Messages the sink received for an address (every send has completed once a drain returns). */
export const mailTo = (sink: SmtpSink, person: PersonRow): CapturedMail[] =>
  sink.messages.filter((m) => m.to.includes(person.email.toLowerCase()));

/** The token of the one-click URL in a List-Unsubscribe header. */
export function oneClickToken(mail: CapturedMail): string {
  const match = /<([^>]+)>/.exec(mail.headers['list-unsubscribe'] ?? '');
  if (!match?.[1]) throw new Error('no List-Unsubscribe URL');
  const token = new URL(match[1]).searchParams.get('token');
  if (!token) throw new Error('no token in the List-Unsubscribe URL');
  return token;
}

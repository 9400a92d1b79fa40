import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { perActor } from '../../platform/http/rate-limit.ts';
import { IdParams } from '../../platform/http/schema-parts.ts';
import { actorOf } from '../people/route-helpers.ts';
import { setThreadMuted } from './commands/mute-thread.ts';
import { setNotificationPreference } from './commands/set-preference.ts';
import { setNotificationSettings } from './commands/set-settings.ts';
import {
  MutedSchema,
  PreferenceBody,
  PreferencesSchema,
  SettingsBody,
  SettingsSchema,
} from './notifications.schema.ts';
import { preferencesOf } from './preferences.ts';
import { notificationSettingsFor } from './settings.ts';

const tags = ['notifications'];
const SETTINGS_RATE = perActor('notification-settings', 120);

/** My preferences per type and space, my settings (digest, quiet hours, time zone), muted threads. */
export function registerNotificationPreferenceRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/notification-preferences',
    auth: 'user',
    schema: {
      tags,
      summary: 'How each type of notification reaches me, by default and in particular spaces',
      response: { 200: PreferencesSchema },
    },
    handler: async (request) => preferencesOf(db, actorOf(request)),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/me/notification-preferences',
    auth: 'user',
    rateLimit: SETTINGS_RATE,
    schema: {
      tags,
      summary:
        'Set how one type reaches me, by default or in one space I may read (404 otherwise); delivery null clears it',
      body: PreferenceBody,
      response: { 200: PreferencesSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await setNotificationPreference(ctx, actor, request.body);
      return preferencesOf(db, actor);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/notification-settings',
    auth: 'user',
    schema: {
      tags,
      summary: 'My digest, quiet hours and time zone',
      response: { 200: SettingsSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const settings = await notificationSettingsFor(db, actor.id);
      if (!settings) throw new Error('The signed-in person has no row');
      return settings;
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/me/notification-settings',
    auth: 'user',
    rateLimit: SETTINGS_RATE,
    schema: {
      tags,
      summary:
        'Change my digest (off, daily, weekly; hour 0–23, weekday 1–7), quiet hours (HH:MM, both or neither) and time zone',
      body: SettingsBody,
      response: { 200: SettingsSchema },
    },
    handler: async (request) => setNotificationSettings(ctx, actorOf(request), request.body),
  });

  for (const muted of [true, false]) {
    defineRoute(app, {
      method: muted ? 'PUT' : 'DELETE',
      url: '/api/v1/posts/:id/mute',
      auth: 'user',
      rateLimit: SETTINGS_RATE,
      schema: {
        tags,
        summary: muted
          ? 'Mute the thread of a post I may read: only mentions in it still notify me (idempotent)'
          : 'Unmute the thread of a post I may read (idempotent)',
        params: IdParams,
        response: { 200: MutedSchema },
      },
      handler: async (request) => {
        await setThreadMuted(ctx, actorOf(request), request.params.id, muted);
        return { muted };
      },
    });
  }
}

import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { perActor } from '../../platform/http/rate-limit.ts';
import { actorOf } from '../people/route-helpers.ts';
import { clearStatus } from './commands/clear-status.ts';
import { setStatus } from './commands/set-status.ts';
import { setWorkingHours } from './commands/set-working-hours.ts';
import { presentMyStatus } from './presence.presenter.ts';
import { findStatus } from './presence.repository.ts';
import { MyStatusSchema, StatusBody, WorkingHoursBody } from './presence.schema.ts';

const tags = ['presence'];
const statusRate = perActor('status-write', 60);

/**
 * My status (available, busy, do not disturb, out of office; a message and an end) and my working hours.
 * Others see the status on my summary and profile wherever they may see me; presence (online, away,
 * offline) comes from open sockets and is not set here.
 */
export function registerPresence(app: App, ctx: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/status',
    auth: 'user',
    schema: {
      tags,
      summary: 'My status and working hours (a status past its end reads as available)',
      response: { 200: MyStatusSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      return presentMyStatus(await findStatus(ctx.db, actor.id), new Date());
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/me/status',
    auth: 'user',
    rateLimit: statusRate,
    schema: {
      tags,
      summary: 'Set my status as a whole: availability, an optional message and an optional end',
      body: StatusBody,
      response: { 200: MyStatusSchema },
    },
    handler: async (request) => {
      const { availability, message, until } = request.body;
      return setStatus(ctx, { personId: actorOf(request).id, availability, message, until });
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/me/status',
    auth: 'user',
    rateLimit: statusRate,
    schema: {
      tags,
      summary: 'Back to available (my working hours are kept)',
      response: { 200: MyStatusSchema },
    },
    handler: async (request) => clearStatus(ctx, { personId: actorOf(request).id }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/me/working-hours',
    auth: 'user',
    rateLimit: statusRate,
    schema: {
      tags,
      summary:
        'Set my working hours in my time zone (ISO weekdays 1–7, HH:MM; an end before the start runs ' +
        'over midnight), or clear them with null',
      body: WorkingHoursBody,
      response: { 200: MyStatusSchema },
    },
    handler: async (request) => {
      const hours = request.body;
      if (hours === undefined) throw badRequest('Send working hours, or null to clear them.');
      return setWorkingHours(ctx, {
        personId: actorOf(request).id,
        hours: hours === null ? null : { days: hours.days, start: hours.start, end: hours.end },
      });
    },
  });
}

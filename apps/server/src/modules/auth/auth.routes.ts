import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { createSession, SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { type App, defineRoute } from '../../platform/http/define-route.ts';
import { notFound, unauthenticated } from '../../platform/http/errors.ts';
import { failureLimiter } from '../../platform/http/rate-limit.ts';
import { normalizeEmail } from '../../platform/text/normalize.ts';
import { countAdmins, findPersonById } from '../people/people.repository.ts';
import { MeSchema } from '../people/people.schema.ts';
import { presentMe } from './auth.presenter.ts';
import {
  PasswordChangeBody,
  ResetConfirmBody,
  ResetRequestBody,
  SetupBody,
  SignInBody,
} from './auth.schema.ts';
import { changePassword } from './commands/change-password.ts';
import { confirmPasswordReset } from './commands/confirm-password-reset.ts';
import { signOut } from './commands/end-session.ts';
import { requestPasswordReset } from './commands/request-password-reset.ts';
import { setupFirstAdmin } from './commands/setup-first-admin.ts';
import { SIGN_IN_FAILURES, signIn } from './commands/sign-in.ts';
import { clearSessionCookies, setSessionCookies } from './session-cookies.ts';

const byEmail = (request: FastifyRequest) =>
  normalizeEmail(String((request.body as { email?: unknown } | undefined)?.email ?? ''));

const meta = (request: FastifyRequest) => ({
  ip: request.ip ?? null,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
});

export function registerAuthRoutes(app: App, ctx: AppContext): void {
  const failures = failureLimiter(app.rateLimitStore, SIGN_IN_FAILURES);

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    auth: 'public',
    rateLimit: [
      { name: 'signin-ip', max: 30, windowMs: 60_000 },
      // Per account AND address: someone guessing from elsewhere cannot lock the owner out.
      { name: 'signin-account-ip', max: 10, windowMs: 15 * 60_000, key: (r) => `${byEmail(r)}|${r.ip}` },
    ],
    schema: {
      tags: ['auth'],
      summary: 'Sign in with email and password',
      body: SignInBody,
      response: { 200: MeSchema },
    },
    handler: async (request, reply) => {
      const { person, token } = await signIn(ctx, { ...request.body, ...meta(request) }, failures);
      setSessionCookies(reply, ctx.config, token);
      return presentMe(person, ctx.config, { token });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/sign-out',
    auth: 'user',
    tokens: false,
    schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: Type.Null() } },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && request.actor) await signOut(ctx, { personId: request.actor.id, token });
      clearSessionCookies(reply, ctx.config);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me',
    auth: 'user',
    schema: { tags: ['auth'], summary: 'The signed-in person', response: { 200: MeSchema } },
    handler: async (request) => {
      const actor = request.actor;
      const person = actor ? await findPersonById(ctx.db, actor.id) : undefined;
      if (!actor || !person) throw unauthenticated();
      return presentMe(person, ctx.config, actor);
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/me/password',
    auth: 'user',
    tokens: false,
    rateLimit: { name: 'password-change', max: 10, windowMs: 15 * 60_000, key: (r) => r.actor?.id ?? r.ip },
    schema: {
      tags: ['auth'],
      summary: 'Change my password (ends my other sessions)',
      body: PasswordChangeBody,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      const actor = request.actor;
      if (!actor) throw unauthenticated();
      await changePassword(ctx, { personId: actor.id, currentSessionId: actor.sessionId, ...request.body });
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/password-reset',
    auth: 'public',
    rateLimit: [
      { name: 'reset-ip', max: 10, windowMs: 15 * 60_000 },
      { name: 'reset-account', max: 3, windowMs: 60 * 60_000, key: byEmail },
    ],
    schema: {
      tags: ['auth'],
      summary: 'Email a password reset link (same answer for known and unknown emails)',
      body: ResetRequestBody,
      response: { 202: Type.Object({ status: Type.Literal('accepted') }) },
    },
    handler: async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, request.ip ?? null);
      return reply.status(202).send({ status: 'accepted' as const });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    auth: 'public',
    rateLimit: { name: 'reset-confirm', max: 20, windowMs: 15 * 60_000 },
    schema: {
      tags: ['auth'],
      summary: 'Set a new password with a reset token',
      body: ResetConfirmBody,
      response: { 204: Type.Null() },
    },
    handler: async (request, reply) => {
      await confirmPasswordReset(ctx, request.body);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/setup',
    auth: 'public',
    schema: {
      tags: ['auth'],
      summary: 'Whether first-run onboarding is open',
      response: { 200: Type.Object({ needed: Type.Boolean() }) },
    },
    handler: async () => ({ needed: (await countAdmins(ctx.db)) === 0 }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/setup',
    auth: 'public',
    rateLimit: { name: 'setup', max: 10, windowMs: 15 * 60_000 },
    schema: {
      tags: ['auth'],
      summary: 'Create the first administrator (only while none exists)',
      body: SetupBody,
      response: { 201: MeSchema },
    },
    handler: async (request, reply) => {
      if ((await countAdmins(ctx.db)) > 0) throw notFound();
      const person = await setupFirstAdmin(ctx, { ...request.body, ip: request.ip ?? null });
      const { token } = await createSession(ctx.db, person.id, meta(request));
      setSessionCookies(reply, ctx.config, token);
      return reply.status(201).send(presentMe(person, ctx.config, { token }));
    },
  });
}

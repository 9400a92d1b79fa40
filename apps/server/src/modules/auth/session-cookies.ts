import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_TTL_MS } from '../../platform/auth/sessions.ts';
import { csrfTokenFor } from '../../platform/http/auth-guard.ts';

/** Session cookie: httpOnly, SameSite=Lax, Secure under https; the CSRF cookie is readable by the client. */
export function setSessionCookies(reply: FastifyReply, config: Config, token: string): string {
  const csrf = csrfTokenFor(config.sessionSecret, token);
  const common = {
    path: '/',
    sameSite: 'lax' as const,
    secure: config.secureCookies,
    maxAge: SESSION_TTL_MS / 1000,
  };
  void reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
  return csrf;
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies };
  void reply.clearCookie(SESSION_COOKIE, common);
  void reply.clearCookie(CSRF_COOKIE, common);
}

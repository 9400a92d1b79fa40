import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../apps/server/test/support/smtp-sink.ts';
import { launchBrowser } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

export interface Harness {
  readonly server: RunningServer;
  readonly smtp: SmtpSink;
  readonly browser: Browser;
  /** A page in a fresh browser context (its own cookies), 1280×900. */
  newPage(): Promise<Page>;
}

/**
 * One real server (demo organization, mail to a real SMTP sink) and one Chromium per test file, started
 * before the file's journeys and stopped after them.
 */
export function journeyHarness(): Harness {
  let server: RunningServer | undefined;
  let smtp: SmtpSink | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startServer({ SMTP_URL: smtp.url });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get smtp() {
      return started(smtp, 'SMTP sink');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async newPage() {
      const context = await started(browser, 'browser').newContext({
        viewport: { width: 1280, height: 900 },
      });
      return context.newPage();
    },
  };
}

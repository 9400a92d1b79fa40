import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import './clock.ts';

/** Soft and hard limits on open files of this process (children inherit them). */
export function fileLimits(): { soft: number; hard: number } {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const [soft, hard] = (line ?? '').replace('Max open files', '').trim().split(/\s+/);
    const parse = (v: string | undefined) => (v === 'unlimited' ? Number.POSITIVE_INFINITY : Number(v));
    return { soft: parse(soft), hard: parse(hard) };
  } catch {
    return { soft: 1024, hard: 1024 };
  }
}

/**
 * The command that starts a Node script with the open-file limit raised to the hard limit first: every
 * socket is a file descriptor, and 10k sockets need 10k in the clients and as many in the server.
 */
export function withRaisedFileLimit(args: string[]): { command: string; args: string[] } {
  const { soft, hard } = fileLimits();
  if (soft >= hard) return { command: process.execPath, args };
  return {
    command: '/bin/sh',
    args: [
      '-c',
      `ulimit -n ${Number.isFinite(hard) ? hard : 'unlimited'} 2>/dev/null; exec "$@"`,
      'sh',
      process.execPath,
      ...args,
    ],
  };
}

type Message = { type: string } & Record<string, unknown>;

/**
 * A forked bench process spoken to over IPC ('advanced' serialization, so typed arrays of timestamps
 * travel as they are): `request` sends a message and waits for the reply of the given type; `on` listens
 * for messages the child sends by itself.
 */
export class Worker {
  readonly child: ChildProcess;
  private readonly waiting = new Map<string, (message: Message) => void>();
  private readonly listeners = new Map<string, (message: Message) => void>();
  private exited: Error | undefined;

  constructor(script: string, env: NodeJS.ProcessEnv = process.env) {
    const { soft, hard } = fileLimits();
    const raise = soft < hard;
    this.child = fork(script, [], {
      env,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      // The shell raises the limit, then becomes node (exec keeps the pid and the IPC channel).
      ...(raise
        ? {
            execPath: '/bin/sh',
            execArgv: [
              '-c',
              `ulimit -n ${Number.isFinite(hard) ? hard : 'unlimited'} 2>/dev/null; exec "${process.execPath}" "$0" "$@"`,
            ],
          }
        : // Not the parent's flags: under a test runner they name its loaders.
          { execArgv: [] }),
    });
    this.child.on('message', (raw) => {
      const message = raw as Message;
      const resolve = this.waiting.get(message.type);
      if (resolve) {
        this.waiting.delete(message.type);
        resolve(message);
      }
      this.listeners.get(message.type)?.(message);
    });
    this.child.on('exit', (code, signal) => {
      this.exited = new Error(`${script} exited (${signal ?? code})`);
      for (const [type, resolve] of this.waiting) resolve({ type, error: this.exited.message });
      this.waiting.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Sends `message` and resolves with the child's reply of type `reply`; rejects if the child died. */
  request<T>(message: Message, reply: string, timeoutMs = 600_000): Promise<T & Message> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(reply);
        reject(new Error(`no "${reply}" from the child within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(reply, (answer) => {
        clearTimeout(timer);
        if (typeof answer.error === 'string') reject(new Error(answer.error));
        else resolve(answer as T & Message);
      });
      this.child.send(message);
    });
  }

  on(type: string, listener: (message: Message) => void): void {
    this.listeners.set(type, listener);
  }

  stop(): Promise<void> {
    return new Promise((done) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return done();
      this.child.once('exit', () => done());
      this.child.kill('SIGTERM');
    });
  }
}

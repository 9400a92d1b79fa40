import { type ChildProcess, fork } from 'node:child_process';

export interface Started<T> {
  child: ChildProcess;
  info: T;
  stop(): Promise<void>;
}

/** Forks a bench server script and waits for its first IPC message (it listens by then). */
export function startServer<T>(script: string, env: NodeJS.ProcessEnv = process.env): Promise<Started<T>> {
  return new Promise((resolve, reject) => {
    // stdout is discarded (request logs would flood the table); stderr shows crashes.
    const child = fork(script, [], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within 60 s`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with code ${code} before it was ready`));
    });
    child.once('message', (info) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        child,
        info: info as T,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

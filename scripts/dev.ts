// `npm run dev`: the API server under `node --watch` (restarts on change) and the vite dev server with hot
// reload side by side; vite proxies /api to the server (apps/web/vite.config.ts). Ctrl-C stops both.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, viteBin, WEB } from './web-build.ts';

// The vite proxy targets port 3000.
const env = { ...process.env, PORT: process.env.PORT ?? '3000' };
if (env.PORT !== '3000') {
  process.stderr.write(`PORT=${env.PORT}: the vite proxy in apps/web/vite.config.ts expects 3000.\n`);
}

const children: ChildProcess[] = [
  spawn(process.execPath, ['--watch', join(ROOT, 'apps/server/src/main.ts'), 'serve', '--demo'], {
    stdio: 'inherit',
    env,
  }),
  spawn(process.execPath, [viteBin()], { cwd: WEB, stdio: 'inherit', env }),
];

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  // Whatever does not stop in 5 s is killed, so Ctrl-C never leaves a port taken.
  const force = setTimeout(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, 5000);
  force.unref();
  Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) done();
          else child.once('exit', () => done());
        }),
    ),
  ).then(() => process.exit(code));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(0));
// If either one dies (vite crashed, port taken), stop the other rather than leave half a dev setup running.
for (const child of children) child.on('exit', (code) => stop(code ?? 1));

import { parentPort, Worker, workerData } from 'node:worker_threads';
import { type GenerateCounts, generate, type Sink } from './generate.ts';
import { planOrganization } from './organization.ts';
import type { DatasetSpec } from './spec.ts';
import type { Row, TableName } from './tables.ts';

/**
 * Generation in a worker thread, writing in the caller's: on two cores the rows of the next batch are
 * made while the database takes the current one. The worker plans the same organization from the same
 * seed, so nothing but rows crosses the thread boundary.
 */
type Message =
  | { type: 'batch'; batch: [TableName, Row[]][] }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; counts: GenerateCounts };

interface WorkerInput {
  benchGenerate: true;
  spec: DatasetSpec;
}

/** Batches in flight: one being written, one ready behind it. */
const AHEAD = 2;

async function runInWorker(port: NonNullable<typeof parentPort>, spec: DatasetSpec): Promise<void> {
  let sent = 0;
  let acked = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    acked++;
    wake?.();
  });
  const post = (message: Message) => port.postMessage(message);
  const sink: Sink = {
    async write(batch) {
      post({ type: 'batch', batch });
      sent++;
      while (sent - acked >= AHEAD) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
  const counts = await generate(spec, planOrganization(spec), sink, (done, total) =>
    post({ type: 'progress', done, total }),
  );
  while (acked < sent) {
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
  post({ type: 'done', counts });
}

const input = workerData as WorkerInput | undefined;
if (parentPort && input?.benchGenerate) await runInWorker(parentPort, input.spec);

/** Generates the dataset in a worker and writes every batch, in order, to `sink` on this thread. */
export function generateInWorker(
  spec: DatasetSpec,
  sink: Sink,
  progress?: (done: number, total: number) => void,
): Promise<GenerateCounts> {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { benchGenerate: true, spec } satisfies WorkerInput,
  });
  return new Promise((resolve, reject) => {
    let writes: Promise<void> = Promise.resolve();
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error);
      void worker.terminate();
    };
    worker.on('message', (message: Message) => {
      if (message.type === 'batch') {
        writes = writes.then(async () => {
          if (failed) return;
          try {
            await sink.write(message.batch);
            worker.postMessage('ack');
          } catch (error) {
            fail(error);
          }
        });
      } else if (message.type === 'progress') {
        progress?.(message.done, message.total);
      } else {
        void writes.then(() => {
          if (failed) return;
          failed = true;
          resolve(message.counts);
          void worker.terminate();
        });
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`the generator worker exited with code ${code}`));
    });
  });
}

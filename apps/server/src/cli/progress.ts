/**
 * Progress for long CLI commands on stderr (stdout stays clean for the summary): a redrawn bar on a
 * terminal, and a few plain lines when stderr is a file or a pipe (CI logs, tests).
 */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const WIDTH = 30;

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    let drawn = false;
    return {
      update(done, total) {
        const ratio = total > 0 ? Math.min(1, done / total) : 1;
        const filled = Math.round(ratio * WIDTH);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
        stream.write(`\r${label} ${bar} ${done}/${total} ${String(Math.round(ratio * 100)).padStart(3)}%`);
        drawn = true;
      },
      finish() {
        if (drawn) stream.write('\n');
        drawn = false;
      },
    };
  }
  let lastQuarter = -1;
  return {
    update(done, total) {
      // Every quarter, so a pipe gets a handful of lines rather than one per batch.
      const quarter = total > 0 ? Math.floor((done / total) * 4) : 4;
      if (quarter === lastQuarter) return;
      lastQuarter = quarter;
      stream.write(`${label}: ${done}/${total}\n`);
    },
    finish() {},
  };
}

/** Command-line options of `npm run bench` (see bench/README.md). */
export const GOALS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11'] as const;
/** The real-time goals, which share one run (bench/goals/realtime.ts). */
export const REALTIME_GOALS = ['p8', 'p9', 'p10', 'p11'] as const satisfies readonly Goal[];
export type Goal = (typeof GOALS)[number];

export interface BenchOptions {
  only: Set<Goal>;
  dialect: 'sqlite' | 'postgres';
  scale: number;
  quick: boolean;
  /** Seconds per measured load run (warm-ups are shorter). */
  seconds: number;
  attempts: number;
  postgresUrl: string | undefined;
  /** Socket counts of the real-time goals (P8 at the smallest, P9–P11 at the largest). */
  sockets: number[];
  compare: [string, string] | undefined;
}

export const QUICK_SCALE = 0.05;
export const DEFAULT_SOCKETS = [1_000, 5_000, 10_000];
export const QUICK_SOCKETS = [100, 500, 1_000];

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    only: new Set(GOALS),
    dialect: 'sqlite',
    scale: 1,
    quick: false,
    seconds: 10,
    attempts: 3,
    postgresUrl: process.env.BENCH_POSTGRES_URL,
    sockets: DEFAULT_SOCKETS,
    compare: undefined,
  };
  let scaleGiven = false;
  let socketsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = () => argv[++i] ?? fail(`${arg} needs a value`);
    if (arg === '--only') {
      const goals = value().toLowerCase().split(',').filter(Boolean);
      const unknown = goals.filter((g) => !(GOALS as readonly string[]).includes(g));
      if (unknown.length > 0)
        fail(`--only: unknown goal(s) ${unknown.join(', ')}; known: ${GOALS.join(', ')}`);
      options.only = new Set(goals as Goal[]);
    } else if (arg === '--dialect') {
      const d = value();
      if (d !== 'sqlite' && d !== 'postgres') fail('--dialect must be sqlite or postgres');
      options.dialect = d;
    } else if (arg === '--scale') {
      options.scale = Number(value());
      scaleGiven = true;
      if (!(options.scale > 0)) fail('--scale must be a positive number (1 = 1M posts)');
    } else if (arg === '--quick') {
      options.quick = true;
    } else if (arg === '--seconds') {
      options.seconds = Number(value());
      if (!(options.seconds > 0)) fail('--seconds must be positive');
    } else if (arg === '--attempts') {
      options.attempts = Math.max(1, Math.floor(Number(value())));
    } else if (arg === '--postgres-url') {
      options.postgresUrl = value();
    } else if (arg === '--sockets') {
      options.sockets = value().split(',').filter(Boolean).map(Number);
      socketsGiven = true;
      if (options.sockets.length === 0 || !options.sockets.every((n) => Number.isInteger(n) && n > 0))
        fail('--sockets must be positive integers separated by commas (e.g. 1000,5000,10000)');
    } else if (arg === '--compare') {
      options.compare = [value(), value()];
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'npm run bench -- [--only p1,p2,…] [--dialect sqlite|postgres] [--scale N] [--quick] [--seconds N]\n' +
          '                 [--attempts N] [--postgres-url URL] [--sockets 1000,5000,10000]\n' +
          '               | --compare old.json new.json\n',
      );
      process.exit(0);
    } else {
      fail(`unknown option ${arg} (try --help)`);
    }
  }
  if (options.quick) {
    if (!scaleGiven) options.scale = QUICK_SCALE;
    if (!socketsGiven) options.sockets = QUICK_SOCKETS;
    options.seconds = Math.min(options.seconds, 3);
    options.attempts = 1;
  }
  return options;
}

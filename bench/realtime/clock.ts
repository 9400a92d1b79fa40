// One clock for every process of the real-time goals: process.hrtime reads CLOCK_MONOTONIC, which is the
// same for all processes on the machine, so a send stamped by the bench and a delivery stamped by the
// client fleet can be subtracted. The origin is shared through the environment the children inherit.
const inherited = process.env.BENCH_CLOCK_ORIGIN;
const origin = inherited ? BigInt(inherited) : process.hrtime.bigint();
process.env.BENCH_CLOCK_ORIGIN = String(origin);

/** Milliseconds (microsecond precision) since the bench's clock origin. */
export const clockMs = (): number => Number(process.hrtime.bigint() - origin) / 1e6;

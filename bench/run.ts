// `npm run bench`: runs the performance goals that exist so far (see bench/README.md) and exits non-zero
// when one misses its goal.
import { reportP1, runP1 } from './p1-me.ts';

const results = [reportP1(await runP1())];
const failed = results.filter((pass) => !pass).length;
process.stdout.write(`\n${results.length - failed} goals met, ${failed} missed\n`);
process.exitCode = failed > 0 ? 1 : 0;

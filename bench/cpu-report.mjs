// Preloaded into a `momentum` process by the bench (node --import): on exit, write the CPU time the whole
// process used (main thread and worker threads, user + system, in ms) to the file named by
// MOMENTUM_BENCH_CPU_FILE, so that a busy machine's waiting can be told apart from work.
import { writeFileSync } from 'node:fs';

const file = process.env.MOMENTUM_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, String((user + system) / 1000));
  });
}

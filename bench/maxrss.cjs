// Preloaded into each command the benchmark times (`node --require bench/maxrss.cjs …`): on exit
// it appends the process's peak resident memory (KB) and the CPU time it used (ms) to
// $BENCH_RSS_FILE. Works the same for our CLI and for alex, write-good and textlint, which are
// all Node programs.
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
  });
}

// Preloaded (node --import) only where GNU time is missing: records this process's peak
// resident memory, in KiB as GNU time reports it, to the file the bench names.
import { writeFileSync } from 'node:fs';

const file = process.env.COOP_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));

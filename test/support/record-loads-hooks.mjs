// The loader hook for record-loads.mjs (it runs on the loader's own thread).
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.COOP_RECORD_LOADS, `${url}\n`);
  return nextLoad(url, context);
}

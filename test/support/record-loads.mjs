// Preloaded (node --import, through NODE_OPTIONS) by the module-loading tests: records the URL
// of every module the process loads through the ES module loader, one a line, in the file
// named by COOP_RECORD_LOADS. CommonJS packages imported from ES modules are recorded too.
import { register } from 'node:module';

if (process.env.COOP_RECORD_LOADS) register('./record-loads-hooks.mjs', import.meta.url);

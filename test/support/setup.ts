// Run before every test file, in every project (vitest.config.ts's setupFiles): setup files run
// once per file even where a worker runs several files and loads the support modules once.

import { afterAll } from 'vitest';
import { removeTempDirs } from './cli.js';

afterAll(removeTempDirs);

// Hostile cases: a full disk, no git, no identity, a read-only repository, staged work, a held lock.
import { environmentCases } from './cases/environment.js';
import { runTable } from './table.js';

runTable('a hostile machine', environmentCases);

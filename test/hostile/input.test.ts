// Hostile cases: arguments a person or a script can get wrong, and spreadsheets gone wrong.
import { argumentCases } from './cases/arguments.js';
import { csvCases } from './cases/csv.js';
import { runTable } from './table.js';

runTable('arguments and spreadsheets', [...argumentCases, ...csvCases]);

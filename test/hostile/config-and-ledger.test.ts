// Hostile cases: a spoiled coop.yml and a hand-edited register, tried with every command that reads them.
import { ledgerCases } from './cases/ledger.js';
import { paramsCases } from './cases/params.js';
import { runTable } from './table.js';

runTable('coop.yml and the register edited by hand', [...paramsCases, ...ledgerCases]);

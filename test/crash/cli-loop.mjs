// One process running the BUILT CLI's entry point `count` times in a row, as a script calling
// `coop member add` in a loop would, without paying Node's start-up each time:
//
//   node cli-loop.mjs <group> <label> <count>
//
// adds members "<label> Member 1" … "<label> Member <count>" and prints the membership numbers
// coop printed, as JSON. Eight of these at once are eight writers racing for one register.

import { main } from '../../dist/cli.js';

const [group, label, count] = process.argv.slice(2);
process.chdir(group);
const numbers = [];
const write = process.stdout.write.bind(process.stdout);
for (let i = 1; i <= Number(count); i++) {
  let out = '';
  process.stdout.write = (chunk) => ((out += String(chunk)), true);
  try {
    await main(['member', 'add', `${label} Member ${i}`, '--joined', '2024-02-01']);
  } finally {
    process.stdout.write = write;
  }
  if (process.exitCode) {
    process.stderr.write(`coop member add failed (exit ${process.exitCode}) for ${label} Member ${i}\n`);
    process.exit(1);
  }
  numbers.push(Number(out.trim()));
}
write(`${JSON.stringify(numbers)}\n`);

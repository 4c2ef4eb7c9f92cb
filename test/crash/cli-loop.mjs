// One process running the BUILT CLI's entry point `count` times in a row, as a script calling
// `coop member add` in a loop would, without paying Node's start-up each time:
//
//   node cli-loop.mjs <group> <label> <count>
//
// adds members "<label> Member 1" … "<label> Member <count>" and prints the membership numbers
// coop printed, as JSON. Eight of these at once are eight writers racing for one register.

import { run } from '../../dist/cli.js';

const [group, label, count] = process.argv.slice(2);
const numbers = [];
for (let i = 1; i <= Number(count); i++) {
  let out = '';
  const code = await run(['member', 'add', `${label} Member ${i}`, '--joined', '2024-02-01'], {
    cwd: group,
    env: process.env,
    stdout: { write: (text) => (out += text) },
    stderr: process.stderr,
    stdin: process.stdin,
  });
  if (code !== 0) {
    process.stderr.write(`coop member add failed (exit ${code}) for ${label} Member ${i}\n`);
    process.exit(1);
  }
  numbers.push(Number(out.trim()));
}
process.stdout.write(`${JSON.stringify(numbers)}\n`);

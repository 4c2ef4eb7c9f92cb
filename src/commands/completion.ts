// Shell completion. `coop completion <shell>` prints a small script for bash, zsh or fish; on
// each Tab the script asks `coop __complete <words…>` what may come next. The answers are read
// from the commander program itself (commands, options, an option's or argument's choices), so
// a command added to cli.ts completes with no change here; an argument named <meeting>
// completes to the meetings on record.

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command, Option } from 'commander';
import { MEETINGS_DIR, PARAMS_FILE } from '../core/layout.js';
import type { Context } from '../io/context.js';

const SCRIPTS = {
  bash: `# coop completion for bash. Load it in ~/.bashrc with: source <(coop completion bash)
_coop_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(coop __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _coop_complete coop
`,
  zsh: `#compdef coop
# coop completion for zsh. Load it in ~/.zshrc (after compinit) with: source <(coop completion zsh)
_coop() {
  local out
  out=$(coop __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)
  if [[ -n $out ]]; then compadd -- "\${(@f)out}"; else _files; fi
}
compdef _coop coop
`,
  fish: `# coop completion for fish. Save it with: coop completion fish > ~/.config/fish/completions/coop.fish
complete -c coop -e
complete -c coop -a '(coop __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`,
} satisfies Record<string, string>;

/** The shells with a script; cli.ts declares the same list as the argument's choices. */
export type Shell = keyof typeof SCRIPTS;

/** `coop completion <shell>`: prints the script. */
export async function completionCommand(opts: { shell: Shell }, ctx: Context): Promise<void> {
  ctx.stdout.write(SCRIPTS[opts.shell]);
}

/** What may follow `coop <words…>`, the last word being the one under the cursor (maybe ''). */
export function complete(program: Command, words: string[], cwd: string): string[] {
  const current = words.at(-1) ?? '';
  let cmd = program;
  let pending: Option | undefined;
  let operands = 0;
  for (const word of words.slice(0, -1)) {
    if (pending) {
      pending = undefined;
      continue;
    }
    if (word.startsWith('-')) {
      const option = cmd.options.find((o) => o.long === word || o.short === word);
      if (option && (option.required || option.optional)) pending = option;
      continue;
    }
    const sub = operands === 0 ? cmd.commands.find((c) => c.name() === word || c.aliases().includes(word)) : undefined;
    if (sub) cmd = sub;
    else operands++;
  }
  return candidates(cmd, pending, operands, current, cwd).filter((c) => c.startsWith(current));
}

function candidates(cmd: Command, pending: Option | undefined, operands: number, current: string, cwd: string): string[] {
  if (pending) return pending.argChoices ?? [];
  const help = cmd.createHelp();
  if (current.startsWith('-')) return help.visibleOptions(cmd).flatMap((o) => (o.long ? [o.long] : []));
  if (cmd.commands.length > 0) return help.visibleCommands(cmd).map((c) => c.name());
  const args = cmd.registeredArguments;
  const arg = args[Math.min(operands, args.length - 1)];
  if (!arg || (operands >= args.length && !arg.variadic)) return [];
  if (arg.argChoices) return arg.argChoices;
  if (arg.name() === 'meeting') return meetingIds(cwd);
  return [];
}

/** The meetings' folder names (2027-06-10-agm) in the group around cwd; none outside a group. */
function meetingIds(cwd: string): string[] {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, PARAMS_FILE))) {
      try {
        return readdirSync(join(dir, MEETINGS_DIR), { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => e.name)
          .sort();
      } catch {
        return [];
      }
    }
    if (dirname(dir) === dir) return [];
  }
}

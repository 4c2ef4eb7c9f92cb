// coop rules upgrade between two template versions: a test-only older template (today's
// society rules with two passages worded as they might once have been) and today's. The
// group's own registered wording survives; the template's other changes are proposed as an
// amendment, and take effect only when registered.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { governingContext } from '../../src/core/documents/governing.js';
import { paramsSchema } from '../../src/core/params.js';
import { renderGoverningSource, TEMPLATES_DIR } from '../../src/io/render.js';
import { coop, git, join, read, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';

const CLEAR_NOW = '"Clear days" do not count the day a notice is served';
const CLEAR_THEN = '"Clear days" leave out the day a notice is served';
const EQUAL_NOW = 'Membership is not refused or limited because of any characteristic that the law protects against discrimination.';
const EQUAL_THEN = 'Membership is not refused because of any protected characteristic.';
const EQUAL_OURS = 'Membership is open to all, and is never refused because of any protected characteristic.';
const VOTE_NOW = 'Each member has one vote, however many shares they hold.';
const VOTE_OURS = 'Each member has one vote, however many shares they hold, and may vote by post.';

describe('coop rules upgrade', { timeout: 180_000 }, () => {
  let dir = '';
  let history = '';
  const env = () => ({ COOP_TEMPLATE_HISTORY: history });

  beforeAll(async () => {
    // The test-only older template: today's, with two passages in older words. Made from
    // today's so that the rest of the wording is the same in both.
    const now = readFileSync(join(TEMPLATES_DIR, 'governing', 'society-rules.md.hbs'), 'utf8');
    expect(now).toContain(CLEAR_NOW);
    expect(now).toContain(EQUAL_NOW);
    history = tempDir();
    const old = join(history, 'v0', 'governing', 'society-rules.md.hbs');
    mkdirSync(dirname(old), { recursive: true });
    writeFileSync(old, now.replace(CLEAR_NOW, CLEAR_THEN).replace(EQUAL_NOW, EQUAL_THEN));

    dir = await fixtureGroup({ tweak: (p) => void (p.createCoop.templateVersion = 0) });
    const params = paramsSchema.parse(parse(read(join(dir, 'coop.yml'))));
    // The group's rules as registered: the old template's, with two passages of its own.
    const rules = renderGoverningSource(readFileSync(old, 'utf8'), governingContext(params)).replace(EQUAL_THEN, EQUAL_OURS).replace(VOTE_NOW, VOTE_OURS);
    writeFileSync(join(dir, 'RULES.md'), rules);
    await git(dir, ['add', '-A']);
    await git(dir, ['commit', '-q', '-m', 'Rules as registered']);
  });

  it('status says an upgrade is available', async () => {
    const r = await coop(['status'], { cwd: dir });
    expect(r.stdout).toContain('Newer wording of the governing document is available');
    expect(r.stdout).toContain('next: coop rules upgrade');
  });

  it('proposes the template’s changes, keeping the group’s own wording', async () => {
    const r = await coop(['rules', 'upgrade', '--date', '2025-03-01', '--json'], { cwd: dir, env: env() });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(String(r.stdout)) as { id: string; folder: string; schedule: { current: string; proposed: string }[]; kept: { proposed: string }[] };
    expect(out.schedule).toHaveLength(1);
    expect(out.schedule[0]!.current).toContain(CLEAR_THEN);
    expect(out.schedule[0]!.proposed).toContain(CLEAR_NOW);
    expect(out.kept.map((e) => e.proposed).join()).toContain(EQUAL_NOW);
    const proposed = read(join(dir, out.folder, 'RULES.md'));
    expect(proposed).toContain(CLEAR_NOW);
    expect(proposed).toContain(EQUAL_OURS);
    expect(proposed).toContain(VOTE_OURS);
    expect(read(join(dir, out.folder, 'schedule.md'))).toContain('Kept as your Rules have them');
    // Nothing in force has changed yet.
    expect(read(join(dir, 'RULES.md'))).toContain(CLEAR_THEN);

    await coop(['meeting', 'new', 'general', '--date', '2025-04-10', '--time', '18:00', '--place', 'Hall', '--notice-date', '2025-03-10', '--amendment', out.id], { cwd: dir });
    await coop(['meeting', 'attend', '2025-04-10', '1', '2', '3'], { cwd: dir });
    await coop(['meeting', 'vote', '2025-04-10', '1', '--for', '3', '--against', '0'], { cwd: dir });
    await coop(['meeting', 'close', '2025-04-10'], { cwd: dir });
    expect((await coop(['rules', 'registered', out.id, '--date', '2025-05-01'], { cwd: dir })).exitCode).toBe(0);
    expect(read(join(dir, 'RULES.md'))).toBe(proposed);
    expect(read(join(dir, 'coop.yml'))).toMatch(/templateVersion: 1/);
  });
});

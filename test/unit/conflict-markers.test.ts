// Git's conflict markers (core/conflict-markers.ts): found at their line, and only where git puts them.

import { describe, expect, it } from 'vitest';
import { conflictMarkerLine, conflictMarkersMessage } from '../../src/core/conflict-markers.js';

describe('conflict markers', () => {
  const cases: [string, string, number | undefined][] = [
    ['a conflict in a meeting record', '{\n  "place": "x",\n<<<<<<< HEAD\n  "time": "19:00"\n=======\n  "time": "20:00"\n>>>>>>> origin/main\n}\n', 3],
    ['only the divider and the end left', 'a: 1\n=======\nb: 2\n>>>>>>> theirs\n', 2],
    ['a marker with no label', 'x\n>>>>>>>\n', 2],
    ['text that only looks like one', 'note: <<<<<<< is what git writes\n  ======= underline\n<<<<<<<< eight\n', undefined],
    ['no markers', '{"seq":1}\n{"seq":2}\n', undefined],
  ];
  it.each(cases)('%s', (_name, text, line) => {
    expect(conflictMarkerLine(text)).toBe(line);
  });

  it('says which files, and what to do during a merge and after one was committed', () => {
    const during = conflictMarkersMessage([{ path: 'coop.yml', line: 4 }], true);
    expect(during).toMatch(/^A git merge is unfinished: coop\.yml \(line 4\) still has git's conflict markers/);
    expect(during).toMatch(/Finish or abort the merge: git merge --abort/);
    const after = conflictMarkersMessage(
      [
        { path: 'coop.yml', line: 4 },
        { path: 'meetings/2025-06-10-agm/meeting.json', line: 9 },
      ],
      false,
    );
    expect(after).toMatch(/^coop\.yml \(line 4\), meetings\/2025-06-10-agm\/meeting\.json \(line 9\) hold git's conflict markers/);
    expect(after).toMatch(/git checkout <commit> -- <file>/);
  });
});

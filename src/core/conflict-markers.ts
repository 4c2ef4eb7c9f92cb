// Git's conflict markers: what a plain `git merge` or `git pull` leaves in a file both copies
// changed in the same place. A file holding them is neither copy's record, and read as one it
// would be misread; coop refuses to read it and says how to finish or undo the merge.

/** The first line (1-based) of `text` that is a conflict marker (<<<<<<<, =======, >>>>>>>), or undefined. */
export function conflictMarkerLine(text: string): number | undefined {
  const m = /^(?:<{7}|>{7})(?: |$)|^={7}$/m.exec(text);
  if (!m) return undefined;
  let line = 1;
  for (let i = 0; i < m.index; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

export interface MarkedFile {
  /** Relative to the group's folder. */
  path: string;
  line: number;
}

/**
 * Why coop will not read files with conflict markers, and what to do: `merging` when git's
 * merge is still under way (it can be aborted), otherwise the markers were committed.
 */
export function conflictMarkersMessage(files: readonly MarkedFile[], merging: boolean): string {
  const list = files
    .slice(0, 5)
    .map((f) => `${f.path} (line ${f.line})`)
    .join(', ');
  const more = files.length > 5 ? `, and ${files.length - 5} more` : '';
  const which = files.length === 1 ? 'it holds' : 'they hold';
  if (merging) {
    return (
      `A git merge is unfinished: ${list}${more} still ${files.length === 1 ? 'has' : 'have'} git's conflict markers (<<<<<<<, =======, >>>>>>>), ` +
      `so ${which} neither copy's record and coop will not read ${files.length === 1 ? 'it' : 'them'}. Finish or abort the merge: ` +
      'git merge --abort puts everything back as it was before it (then coop sync merges meeting records and the register itself); ' +
      'or edit each file to keep the right lines, then git add it and git commit. Nothing was changed.'
    );
  }
  return (
    `${list}${more} ${files.length === 1 ? 'holds' : 'hold'} git's conflict markers (<<<<<<<, =======, >>>>>>>): a merge was committed before its conflicts were settled, ` +
    `so ${which} neither copy's record and coop will not read ${files.length === 1 ? 'it' : 'them'}. ` +
    'Put each back as one copy had it (git log --oneline -- <file>, then git checkout <commit> -- <file>) or edit it to keep the right lines, then git commit. Nothing was changed.'
  );
}

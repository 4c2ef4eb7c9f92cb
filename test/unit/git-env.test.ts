// The one answer to "would git, run here, look beyond this folder's .git?" that coop's readers
// of git's own files (HEAD, who commits, the founding index) each take before reading them.

import { describe, expect, it } from 'vitest';
import { pointsGitElsewhere } from '../../src/io/git-env.js';

describe('pointsGitElsewhere', () => {
  it('says yes to another repository, worktree, index or object store, whatever is asked', () => {
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES']) {
      expect(pointsGitElsewhere({ [name]: '/elsewhere' }, { settings: false }), name).toBe(true);
      expect(pointsGitElsewhere({ [name]: '/elsewhere' }, { settings: true }), name).toBe(true);
    }
  });

  it('counts settings and test knobs only for readers that settings could change', () => {
    for (const name of ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_COUNT', 'GIT_ATTR_NOSYSTEM', 'GIT_TEST_SPLIT_INDEX']) {
      expect(pointsGitElsewhere({ [name]: '1' }, { settings: false }), name).toBe(false);
      expect(pointsGitElsewhere({ [name]: '1' }, { settings: true }), name).toBe(true);
    }
  });

  it('says no to an environment of identity, tracing and unset names', () => {
    const env = { GIT_AUTHOR_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org', GIT_TRACE2_EVENT: '/tmp/t', GIT_DIR: undefined, HOME: '/home/a' };
    expect(pointsGitElsewhere(env, { settings: true })).toBe(false);
  });
});

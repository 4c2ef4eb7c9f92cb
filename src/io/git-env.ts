// Where coop reads git's own files instead of starting git (HEAD's commit, who commits, the
// founding index), it must know that git would look at this folder's .git and nothing else.
// One answer for all of them: an environment that names another repository, worktree,
// namespace, index or object store sends them to git; so, for readers that git's settings
// could change, does one that adds settings (config, attributes) or git's test knobs.

const LOCATION = /^GIT_(DIR|WORK_TREE|COMMON_DIR|NAMESPACE|INDEX_|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|QUARANTINE_PATH)/;
const SETTINGS = /^GIT_(CONFIG|ATTR_|TEST_)/;

/** True when git, run here with this environment, could read other files than `./.git` (and, with `settings`, the usual config files) say. */
export function pointsGitElsewhere(env: NodeJS.ProcessEnv, options: { settings: boolean }): boolean {
  return Object.keys(env).some((name) => env[name] !== undefined && (LOCATION.test(name) || (options.settings && SETTINGS.test(name))));
}

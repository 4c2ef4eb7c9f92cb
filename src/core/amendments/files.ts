// Where amendments live, apart from the schema that reads them: commands that only need to know
// whether a group has any amendments (most have none) need not load the schema library.

export const AMENDMENTS_DIR = 'amendments';
export const AMENDMENT_EVENTS_FILE = 'amendments/events.jsonl';

// Dates as day numbers (days since 1970-01-01) while generating, ISO text when written:
// the generator handles a few hundred thousand dates and should not build a Date for each.

const DAY_MS = 86_400_000;

export function toDay(iso) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

const cache = new Map();
export function toIso(day) {
  let iso = cache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    cache.set(day, iso);
  }
  return iso;
}

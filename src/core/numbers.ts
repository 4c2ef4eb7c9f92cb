// Numbers written as en-GB writes them ("20,000", "£1,234.50"), without Intl. The first Intl
// number format in a process loads its locale data, and a format made per call, as
// toLocaleString with options does, costs that on every number (bench/README.md). Tests compare these with toLocaleString('en-GB') over wide ranges.

/**
 * `n` with thousands separated by commas and between `minFraction` and `maxFraction` decimal
 * places, rounded half away from zero: as n.toLocaleString('en-GB', { minimumFractionDigits,
 * maximumFractionDigits }) gives it.
 */
export function formatNumber(n: number, minFraction = 0, maxFraction = Math.max(minFraction, 3)): string {
  // Beyond what toFixed writes out in full, or not a number at all: Intl's own words.
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return n.toLocaleString('en-GB', { minimumFractionDigits: minFraction, maximumFractionDigits: maxFraction });
  const [whole = '0', fraction = ''] = Math.abs(n).toFixed(maxFraction).split('.');
  let places = fraction.replace(/0+$/, '');
  if (places.length < minFraction) places = places.padEnd(minFraction, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${grouped}${places ? `.${places}` : ''}`;
}

/** Pence as pounds: "£1,234" when whole, else "£1,234.50"; with `pence: true` always two places. */
export function formatPounds(pence: number, options: { pence?: boolean } = {}): string {
  const pounds = pence / 100;
  return `£${options.pence || !Number.isInteger(pounds) ? formatNumber(pounds, 2, options.pence ? 2 : 3) : formatNumber(pounds)}`;
}

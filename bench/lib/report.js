// Turning measurements into verdicts and a table: each figure's ratio to its floor, and for
// each budget the measured value over the limit (at most 1.00 means the budget holds).

const FLOOR_TEXT = { node: 'bare node', 'node+git': 'node + git' };

/** Adds ratioToFloor and, per budget, value, ratio and holds. */
export function evaluate(results) {
  const byId = new Map(results.map((r) => [r.id, r]));
  return results.map((r) => {
    if (r.status !== 'measured') return { ...r, budgets: r.budgets.map((b) => ({ ...b, holds: null })) };
    const budgets = r.budgets.map((b) => {
      let value = null;
      let unit = '';
      if (b.kind === 'floor') [value, unit] = [r.medianMs / r.floorMs, '×'];
      if (b.kind === 'seconds') [value, unit] = [r.medianMs / 1000, 's'];
      if (b.kind === 'mib') [value, unit] = [r.peakMiB, 'MiB'];
      if (b.kind === 'figure') {
        const other = byId.get(b.of);
        if (other?.status === 'measured') [value, unit] = [r.medianMs / other.medianMs, '×'];
      }
      if (b.kind === 'quicker') {
        const other = byId.get(b.of);
        if (other?.status === 'measured') [value, unit] = [other.medianMs / r.medianMs, '×'];
        if (value === null) return { ...b, value: null, unit, ratio: null, holds: null, note: other?.status ?? 'not measured' };
        // Over 1 misses, as for every other budget: the quickness wanted over the quickness found.
        const ratio = b.min / value;
        return { ...b, value, unit, ratio, holds: ratio <= 1 };
      }
      if (value === null) return { ...b, value: null, unit, ratio: null, holds: null };
      const ratio = value / b.max;
      return { ...b, value, unit, ratio, holds: ratio <= 1 };
    });
    return { ...r, ratioToFloor: r.medianMs / r.floorMs, budgets };
  });
}

const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const num = (v, unit) => (unit === '×' ? `${v.toFixed(2)}×` : unit === 's' ? `${v.toFixed(2)} s` : `${v.toFixed(0)} MiB`);

/** A Markdown table: one row per budget (a figure with two budgets takes two rows). */
export function renderTable(figures) {
  const rows = ['| figure | median | peak memory | floor | × floor | budget | measured | × budget | holds |', '|---|--:|--:|--:|--:|---|--:|--:|:-:|'];
  for (const f of figures) {
    const head =
      f.status === 'floor'
        ? [f.name, ms(f.medianMs), '', '', '']
        : f.status === 'measured'
          ? [
              f.name,
              ms(f.medianMs),
              f.peakMiB === null || f.peakMiB === undefined ? '?' : `${f.peakMiB.toFixed(0)} MiB`,
              `${ms(f.floorMs)} (${FLOOR_TEXT[f.floorName]})`,
              `${f.ratioToFloor.toFixed(2)}×`,
            ]
          : [f.name, f.status, '', '', ''];
    const budgets = f.budgets.length > 0 ? f.budgets : [null];
    budgets.forEach((b, i) => {
      const cells = i === 0 ? head : ['', '', '', '', ''];
      const verdict = !b
        ? ['—', '', '', '']
        : b.value === null || b.value === undefined
          ? [b.text, b.note ? `anchor ${b.note}` : '', '', f.status === 'measured' ? '?' : '—']
          : [b.text, num(b.value, b.unit), b.ratio.toFixed(2), b.holds ? 'yes' : '**no**'];
      rows.push(`| ${[...cells, ...verdict].join(' | ')} |`);
    });
  }
  return rows.join('\n');
}

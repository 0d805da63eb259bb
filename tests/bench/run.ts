import chainsBench from './chains';
import { fdiImportBench } from './fdi-import';
import { projectsBench } from './projects';
import type { BenchRow } from './row';
import { statsBench } from './stats';
import { auditBench } from './audit';

/**
 * `npm run bench`: every area's benchmark, one table. Areas add their entry to BENCHES; `npm run bench -- NAME`
 * runs only the named ones.
 */
// light first: after the million-record parts the machine pages and compacts memory for a while, and a browser
// measured then is 30–40 % slower (even opening a chain with saved positions)
const BENCHES: Array<{ name: string; run(): Promise<BenchRow[]> }> = [chainsBench, projectsBench, statsBench, fdiImportBench, auditBench];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const bench of BENCHES.filter((b) => !only.length || only.includes(b.name))) {
  process.stderr.write(`running ${bench.name}…\n`);
  rows.push(...(await bench.run()));
}
const cells = rows.map((r) => [r.name, `${r.value} ${r.unit}`, r.target ? `${r.target} ${r.unit}` : '', r.ratio !== undefined ? r.ratio.toFixed(2) : '', r.note ?? '']);
const head = ['benchmark', 'value', 'target', 'ratio', 'note'];
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]!))));
const line = (c: string[]) => c.map((x, i) => x + ' '.repeat(widths[i]! - width(x))).join(' | ');
console.log([line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n'));
if (rows.some((r) => r.ratio !== undefined && r.ratio > 1)) console.log('\nover target: ' + rows.filter((r) => (r.ratio ?? 0) > 1).map((r) => r.name).join(', '));

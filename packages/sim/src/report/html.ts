import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { simComponents } from '../scenario/schema.js';
import type { Estimate } from '../stats.js';
import type { SimReport } from './compare.js';

/** chart.js UMD bundle from node_modules, inlined: the report opens offline, no CDN. */
const chartJsSource = (): string => {
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8').replace(
    /<\/script/gi,
    '<\\/script',
  );
};

const LABELS = {
  redCells: 'Red cells',
  platelets: 'Platelets',
  plasma: 'Plasma',
  cryo: 'Cryo',
} as const;

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

const pct = (e: Estimate): string => {
  const [lo, hi] = e.ci95;
  const ci =
    lo === null || hi === null
      ? ''
      : ` <small>[${(lo * 100).toFixed(2)}–${(hi * 100).toFixed(2)}]</small>`;
  return `${(e.mean * 100).toFixed(2)}%${ci}`;
};

const minutes = (e: Estimate): string =>
  Number.isFinite(e.mean) ? `${e.mean.toFixed(0)} min` : '–';

const summaryTable = (r: SimReport): string => {
  const rows = Object.entries(r.policies).flatMap(([policy, s]) =>
    simComponents.map(
      (c) =>
        `<tr><td>${escapeHtml(policy)}</td><td>${LABELS[c]}</td><td>${pct(s[c].outdateRate)}</td>` +
        `<td>${s[c].outdatedUnits.mean.toFixed(0)}</td><td>${pct(s[c].fillRate)}</td>` +
        `<td>${minutes(s[c].timeToBloodMinutes.median)}</td><td>${minutes(s[c].timeToBloodMinutes.p95)}</td>` +
        `<td>${s[c].transfers.mean.toFixed(0)}</td><td>${s[c].emergencyRuns.mean.toFixed(0)}</td></tr>`,
    ),
  );
  return (
    '<table><thead><tr><th>Policy</th><th>Component</th><th>Outdate rate [95% CI]</th><th>Outdated units</th>' +
    '<th>Fill rate</th><th>Urgent time-to-blood, median</th><th>p95</th>' +
    '<th>Units moved between hospitals</th><th>Rush and emergency runs</th></tr></thead><tbody>' +
    rows.join('') +
    '</tbody></table>'
  );
};

/** A reduction below zero is an increase: say so rather than print "-691% fewer". */
const outdatedChange = (reduction: number): string =>
  reduction >= 0
    ? `${(reduction * 100).toFixed(1)}% fewer outdated units`
    : `${(-reduction * 100).toFixed(1)}% more outdated units`;

const reductionList = (r: SimReport): string =>
  Object.entries(r.reductions)
    .map(([policy, red]) => {
      const items = simComponents.map(
        (c) =>
          `<li><b>${LABELS[c]}</b>: ${outdatedChange(red[c].outdatedUnits)}; ` +
          `fill rate ${red[c].fillRateChange.mean >= 0 ? '+' : ''}${(red[c].fillRateChange.mean * 100).toFixed(2)} points</li>`,
      );
      return `<h3>${escapeHtml(policy)} versus ${escapeHtml(Object.keys(r.policies)[0] ?? '')}</h3><ul>${items.join('')}</ul>`;
    })
    .join('');

/** The browser side: draws the charts from the embedded report data. */
const CLIENT = `
const R = JSON.parse(document.getElementById('data').textContent);
// Each chart fills its fixed-height box instead of keeping the canvas's default aspect ratio.
Chart.defaults.maintainAspectRatio = false;
const policies = Object.keys(R.policies);
const colours = ['#c0392b', '#2471a3', '#27ae60', '#8e44ad'];
const comps = [['redCells', 0, 'Red cells'], ['platelets', 1, 'Platelets']];
for (const [key, idx, label] of comps) {
  const days = (R.stockSeries[policies[0]].centerStock[idx] || []).map((_, d) => d + 1);
  const sets = policies.flatMap((p, i) => [
    { label: p + ' centre', data: R.stockSeries[p].centerStock[idx], borderColor: colours[i], borderDash: [6, 3], pointRadius: 0, borderWidth: 1.5 },
    { label: p + ' hospitals', data: R.stockSeries[p].hospitalStock[idx], borderColor: colours[i], pointRadius: 0, borderWidth: 1.5 },
  ]);
  new Chart(document.getElementById('stock-' + key), { type: 'line', data: { labels: days, datasets: sets },
    options: { plugins: { title: { display: true, text: label + ' in stock (units, replication 1)' } }, scales: { x: { title: { display: true, text: 'day' } } } } });
  const sites = R.wasteBySite.filter((s) => policies.some((p) => s.expired[p][key] > 0));
  new Chart(document.getElementById('waste-' + key), { type: 'bar',
    data: { labels: sites.map((s) => s.code), datasets: policies.map((p, i) => ({ label: p, data: sites.map((s) => s.expired[p][key]), backgroundColor: colours[i] })) },
    options: { plugins: { title: { display: true, text: label + ': outdated units per site (mean per replication)' } } } });
}
const all = [['redCells', 'Red cells'], ['platelets', 'Platelets'], ['plasma', 'Plasma'], ['cryo', 'Cryo']];
const chartOf = (id, metric, title) => new Chart(document.getElementById(id), { type: 'bar',
  data: { labels: all.map((c) => c[1]), datasets: policies.map((p, i) => ({ label: p, data: all.map((c) => 100 * R.policies[p][c[0]][metric].mean), backgroundColor: colours[i] })) },
  options: { plugins: { title: { display: true, text: title } } } });
chartOf('cmp-outdate', 'outdateRate', 'Outdate rate, % of units received into inventory');
chartOf('cmp-fill', 'fillRate', 'Fill rate, % of requested units supplied');
`;

/** A self-contained HTML report (charts drawn with the inlined chart.js; works offline). */
export const renderHtmlReport = (report: SimReport): string => {
  const data = JSON.stringify(report).replace(/</g, '\\u003c');
  const title = `Hemonet digital twin: ${report.scenario}, ${report.days} days × ${report.replications} replications`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}
.grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem}.chart{position:relative;height:340px}</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>Seed ${report.seed}. Outdate rate = outdated units ÷ units received into inventory; fill rate = requested units supplied ÷ requested units; time-to-blood = minutes from an urgent request to compatible units at the patient's hospital. Brackets: 95% confidence intervals over replications.</p>
<h2>Policy comparison</h2><div class="grid"><div class="chart"><canvas id="cmp-outdate"></canvas></div><div class="chart"><canvas id="cmp-fill"></canvas></div></div>
${reductionList(report)}
<h2>Stock over time</h2><div class="grid"><div class="chart"><canvas id="stock-redCells"></canvas></div><div class="chart"><canvas id="stock-platelets"></canvas></div></div>
<h2>Waste by site</h2><div class="grid"><div class="chart"><canvas id="waste-redCells"></canvas></div><div class="chart"><canvas id="waste-platelets"></canvas></div></div>
<h2>All figures</h2>${summaryTable(report)}
<script id="data" type="application/json">${data}</script>
<script>${chartJsSource()}</script><script>${CLIENT}</script></body></html>
`;
};

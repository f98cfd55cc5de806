// The slabtune dashboard: a client of the GraphQL API, as the CLI is. It runs the typed documents of
// src/dashboard/documents.ts (served as /dashboard/documents.json) with the API key the user enters,
// kept for this tab only. Every value from the API is set as text, never as markup.

const REFRESH_MS = 5000;
const KEY_ITEM = 'slabtune-api-key';
const SVG_NS = 'http://www.w3.org/2000/svg';

const state = { key: sessionStorage.getItem(KEY_ITEM) ?? '', documents: null, jobId: null, timer: null };
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
  return node;
}

function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

async function request(query, variables = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${state.key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  return body.data;
}

const number = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString());
const usd = (n) => (n === null || n === undefined ? '–' : `$${Number(n).toFixed(2)}`);
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '–');
const words = (s) => String(s ?? '').replaceAll('_', ' ').toLowerCase();

/** Horizontal bars, one per row, with the target drawn as a tick: samples against what a task needs. */
function barChart(rows) {
  const width = 720;
  const rowHeight = 26;
  const left = 270;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value, r.target ?? 0)));
  const scale = (v) => ((width - left - 60) * v) / max;
  const chart = svgEl('svg', { viewBox: `0 0 ${width} ${rows.length * rowHeight + 8}`, role: 'img' });
  rows.forEach((r, i) => {
    const y = 4 + i * rowHeight;
    chart.append(svgEl('text', { x: 0, y: y + 15 }, r.label));
    chart.append(svgEl('rect', { class: r.ready ? 'bar ready' : 'bar', x: left, y, width: Math.max(1, scale(r.value)), height: rowHeight - 8 }));
    if (r.target) chart.append(svgEl('line', { class: 'target', x1: left + scale(r.target), x2: left + scale(r.target), y1: y - 2, y2: y + rowHeight - 6 }));
    chart.append(svgEl('text', { x: left + scale(Math.max(r.value, r.target ?? 0)) + 6, y: y + 15, class: 'muted' }, r.target ? `${number(r.value)} / ${number(r.target)}` : number(r.value)));
  });
  return chart;
}

/**
 * An exponential moving average over about a tenth of the points, bias-corrected so the
 * first steps are not pulled towards zero (as TensorBoard smooths its scalars).
 */
function smoothed(values) {
  const alpha = 2 / (Math.max(1, Math.round(values.length / 10)) + 1);
  let average = 0;
  return values.map((v, i) => {
    average = (1 - alpha) * average + alpha * v;
    return average / (1 - (1 - alpha) ** (i + 1));
  });
}

/** Train and validation loss by step, each as a moving average over its raw values. */
function lossChart(points) {
  const width = 640;
  const height = 220;
  const pad = { left: 44, right: 12, top: 12, bottom: 28 };
  const values = points.flatMap((p) => [p.trainLoss, p.validLoss]).filter((v) => typeof v === 'number');
  if (points.length < 2 || values.length === 0) return el('p', { class: 'muted' }, 'No loss reported yet.');
  const [minStep, maxStep] = [points[0].step, points[points.length - 1].step];
  const maxLoss = Math.max(...values);
  const x = (step) => pad.left + ((width - pad.left - pad.right) * (step - minStep)) / Math.max(1, maxStep - minStep);
  const y = (loss) => height - pad.bottom - ((height - pad.top - pad.bottom) * loss) / (maxLoss || 1);
  const chart = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  chart.append(svgEl('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0) }));
  chart.append(svgEl('line', { class: 'axis', x1: pad.left, x2: pad.left, y1: pad.top, y2: y(0) }));
  chart.append(svgEl('text', { x: 0, y: pad.top + 8, class: 'muted' }, maxLoss.toFixed(2)));
  chart.append(svgEl('text', { x: 0, y: y(0), class: 'muted' }, '0'));
  chart.append(svgEl('text', { x: pad.left, y: height - 6, class: 'muted' }, `step ${minStep}`));
  chart.append(svgEl('text', { x: width - pad.right - 70, y: height - 6, class: 'muted' }, `step ${maxStep}`));
  for (const [key, cls, label, offset] of [['trainLoss', 'train', 'train loss', 0], ['validLoss', 'valid', 'validation loss', 110]]) {
    const reported = points.filter((p) => typeof p[key] === 'number');
    if (reported.length === 0) continue;
    const path = (values) => reported.map((p, i) => `${x(p.step).toFixed(1)},${y(values[i]).toFixed(1)}`).join(' ');
    const raw = reported.map((p) => p[key]);
    // A batch's loss jumps from step to step: the raw line stays faint under its moving average.
    chart.append(svgEl('polyline', { class: `${cls} raw`, points: path(raw) }));
    chart.append(svgEl('polyline', { class: cls, points: path(smoothed(raw)) }));
    chart.append(svgEl('rect', { class: `legend-${cls}`, x: pad.left + 10 + offset, y: pad.top, width: 10, height: 10 }));
    chart.append(svgEl('text', { x: pad.left + 24 + offset, y: pad.top + 9 }, label));
  }
  return chart;
}

function table(node, headings, rows, onSelect, selected) {
  node.replaceChildren(el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', {}, h)))));
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr', row.id === selected ? { class: 'selected' } : {}, ...row.cells.map((c) => el('td', {}, c)));
    if (onSelect) tr.addEventListener('click', () => onSelect(row.id));
    body.append(tr);
  }
  node.append(body);
}

function render(data) {
  const stats = data.trainingStats;
  $('viewer').textContent = `${data.viewer.name} (${words(data.viewer.role)})`;
  $('totals').replaceChildren(
    ...[
      ['samples', stats.totalSamples],
      ['user corrections', stats.userCorrections],
      ['card identification', stats.cardIdentification],
      ['listings', stats.listingGeneration],
    ].map(([label, value]) => el('div', { class: 'card' }, el('b', {}, number(value)), label)),
  );
  $('readiness').replaceChildren(
    barChart(stats.readiness.map((r) => ({ label: words(r.task), value: r.have, target: r.need, ready: r.ready }))),
    ...stats.readiness.map((r) => el('p', {}, `${words(r.task)}: ${r.verdict}`)),
  );
  $('platform-tone').replaceChildren(
    stats.byPlatformTone.length
      ? barChart(stats.byPlatformTone.map((p) => ({ label: `${words(p.platform)} · ${words(p.tone)}`, value: p.count })))
      : el('p', { class: 'muted' }, 'No listing samples yet.'),
  );
  const jobs = data.jobs.edges.map((e) => e.node);
  if (!state.jobId || !jobs.some((j) => j.id === state.jobId)) state.jobId = jobs[0]?.id ?? null;
  table(
    $('jobs'),
    ['created', 'task', 'status', 'progress', 'train loss', 'trained tokens', 'cost', 'model'],
    jobs.map((j) => ({
      id: j.id,
      cells: [
        when(j.createdAt),
        words(j.task),
        words(j.status),
        j.progress?.totalSteps ? `${j.progress.step} / ${j.progress.totalSteps}` : number(j.progress?.step),
        j.progress?.trainLoss?.toFixed(3) ?? '–',
        number(j.trainedTokens),
        usd(j.costUsd),
        j.fineTunedModel ?? j.suffix ?? '–',
      ],
    })),
    (id) => {
      state.jobId = id;
      void refresh();
    },
    state.jobId,
  );
  table(
    $('models'),
    ['model', 'stage', 'task', 'trained tokens', 'cost', 'created'],
    data.models.edges.map(({ node: m }) => ({ id: m.id, cells: [m.providerModelId, words(m.stage), m.task ? words(m.task) : 'any', number(m.trainedTokens), usd(m.costUsd), when(m.createdAt)] })),
  );
}

async function refresh() {
  try {
    state.documents ??= await (await fetch('/dashboard/documents.json')).json();
    const data = await request(state.documents.Dashboard);
    render(data);
    if (state.jobId) {
      const { job } = await request(state.documents.JobLoss, { id: state.jobId });
      $('loss-title').textContent = job ? `Loss: ${job.fineTunedModel ?? job.suffix ?? `job of ${when(job.createdAt)}`} (${words(job.status)})` : 'Loss';
      $('loss').replaceChildren(lossChart(job?.metrics ?? []));
    } else $('loss').replaceChildren(el('p', { class: 'muted' }, 'No jobs yet.'));
    $('refreshed').textContent = new Date().toLocaleTimeString();
    $('error').hidden = true;
    $('main').hidden = false;
  } catch (err) {
    $('error').textContent = err instanceof Error ? err.message : String(err);
    $('error').hidden = false;
  }
}

function start() {
  clearInterval(state.timer);
  void refresh();
  state.timer = setInterval(() => {
    if (document.visibilityState === 'visible') void refresh();
  }, REFRESH_MS);
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.key = $('key').value.trim();
  sessionStorage.setItem(KEY_ITEM, state.key);
  start();
});
if (state.key) start();

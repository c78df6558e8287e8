// Training curves from a trainer's metrics.jsonl: loss (with the evaluation loss), then every other numeric column.
import { el, table, notesBox, num } from './util.js';
import { lineChart } from './charts.js';

const TITLES = {
  loss: 'Loss', lr: 'Learning rate', grad_norm: 'Gradient norm', tokens_per_s: 'Training tokens per second',
  tokens: 'Tokens seen', step_tokens: 'Tokens per step', epoch: 'Epoch', accuracy: 'Preference accuracy',
  margin: 'Reward margin', reward: 'Reward', chosen_reward: 'Chosen reward', rejected_reward: 'Rejected reward'
};

function figure(name, chart) {
  return el('figure', { class: 'figure', 'data-chart': name }, chart);
}

/** One chart per metric: { rows, last, series: { column: [[step, value], ...] }, notes }. */
export function trainingCharts(metrics) {
  const series = metrics.series || {};
  const names = Object.keys(series);
  const charts = [];
  if (series.loss) {
    const lines = [{ name: 'loss', points: series.loss }];
    if (series.eval_loss) lines.push({ name: 'eval_loss', points: series.eval_loss, dashed: true });
    charts.push(figure('loss', lineChart({ title: 'Loss', xLabel: 'step', yLabel: 'loss', series: lines })));
  }
  for (const name of names) {
    if (name === 'loss' || (name === 'eval_loss' && series.loss)) continue;
    charts.push(figure(name, lineChart({ title: TITLES[name] || name, xLabel: 'step', yLabel: name,
      series: [{ name, points: series[name] }] })));
  }
  const last = metrics.last || {};
  return [
    notesBox(metrics.notes),
    el('p', { class: 'muted', text: `${num(metrics.rows)} optimizer steps in metrics.jsonl.` }),
    el('div', { class: 'charts' }, charts),
    Object.keys(last).length ? table(['last row', ''], Object.entries(last).map(([k, v]) =>
      [el('span', { class: 'mono', text: k }), v === null ? '–' : typeof v === 'number' ? v : String(v)]),
    { class: 'kv' }) : null
  ];
}

/** The loss of several training runs in one chart (runs: [{ id, metrics }]). */
export function lossOverlay(runs) {
  const lines = runs.filter(r => r.metrics && r.metrics.series && r.metrics.series.loss)
    .map(r => ({ name: r.id, points: r.metrics.series.loss }));
  if (lines.length === 0) return notesBox(['no loss curves in these runs']);
  return figure('loss-overlay', lineChart({ title: 'Training loss', xLabel: 'step', yLabel: 'loss', series: lines }));
}

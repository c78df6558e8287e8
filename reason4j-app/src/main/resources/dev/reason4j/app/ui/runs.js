// The runs list, a run's page (by kind) and the side-by-side comparison of runs.
import { api, runPath, runHref, el, table, notesBox, section, pct, num, show, truncate, verdict, baseName, render }
  from './util.js';
import { lineChart, scatterChart } from './charts.js';
import { trainingCharts, lossOverlay } from './training.js';

const KIND_LABEL = { eval: 'eval', analyze: 'analysis', train: 'training', other: 'other' };

function kindBadge(kind) {
  return el('span', { class: 'kind kind-' + kind, text: KIND_LABEL[kind] || kind });
}

/** One line of a run's results for the list: accuracies per strategy, efficiencies, or the last loss. */
function headline(run) {
  const h = run.headline || {};
  if (run.kind === 'eval') {
    return (h.strategies || []).map(s => `${s.strategy} ${pct(s.accuracy)}`).join(' · ') || '–';
  }
  if (run.kind === 'analyze') {
    return h.accuracy === undefined ? '–'
      : `accuracy ${pct(h.accuracy)} · ξO ${num(h.outcome_efficiency, 3)} · ξP ${num(h.process_efficiency, 3)}`;
  }
  if (run.kind === 'train') {
    return h.steps === undefined ? '–' : `${num(h.steps)} steps · loss ${num(h.loss, 4)}`
      + (h.eval_loss !== undefined ? ` · eval ${num(h.eval_loss, 4)}` : '');
  }
  return '–';
}

function source(run) {
  const c = run.config || {};
  const model = c.model || c.endpoint;
  // the model's own files are inputs too; the data files are the others
  const inputs = (run.inputs || []).filter(i => !(model && String(i.path).startsWith(model + '/')))
    .map(i => baseName(i.path));
  return [model ? baseName(model) : null, inputs.length ? truncate(inputs.slice(0, 2).join(', '), 48) : null]
    .filter(Boolean).join(' · ') || '–';
}

function build(run) {
  const b = run.build || {};
  if (!b.commit) return '–';
  return b.commit.slice(0, 8) + (b.dirty ? ' (dirty)' : '');
}

/** Accuracy against mean generated tokens: one point per strategy (and per difficulty when there are some). */
function accuracyScatter(runs, byRun) {
  const series = new Map();
  for (const run of runs) {
    for (const s of run.strategies || []) {
      const name = byRun ? run.id : s.strategy;
      const label = byRun ? s.strategy : (runs.length > 1 ? `${run.id}: ${s.strategy}` : s.strategy);
      if (!series.has(name)) series.set(name, []);
      series.get(name).push({ x: s.mean_generated_tokens, y: s.accuracy, label });
      for (const d of s.by_difficulty || []) {
        const key = `${name} (by difficulty)`;
        if (!series.has(key)) series.set(key, []);
        series.get(key).push({ x: d.mean_generated_tokens, y: d.accuracy, label: `${label} · ${d.difficulty}` });
      }
    }
  }
  if (series.size === 0) return null;
  return el('figure', { class: 'figure', 'data-chart': 'accuracy-tokens' },
    scatterChart({ title: 'Accuracy against generated tokens', xLabel: 'mean generated tokens per problem',
      yLabel: 'accuracy', yDomain: [0, 1], series: [...series].map(([name, points]) => ({ name, points })) }),
    el('figcaption', { text: 'One point per strategy' + (byRun ? ' of each run' : '')
      + '; up and to the left is more accuracy for fewer tokens.' }));
}

export async function runsView(view) {
  const runs = await api('runs');
  const selected = new Set();
  const compare = el('button', { type: 'button', disabled: true, 'data-action': 'compare', text: 'Compare selected',
    onclick: () => { location.hash = '#/compare?runs=' + [...selected].map(encodeURIComponent).join(','); } });
  const rows = runs.map(run => el('tr', { 'data-run': run.id },
    el('td', {}, el('input', { type: 'checkbox', 'aria-label': 'select ' + run.id, onchange: e => {
      if (e.target.checked) selected.add(run.id); else selected.delete(run.id);
      compare.disabled = selected.size < 2;
    } })),
    el('td', {}, el('a', { href: runHref(run.id), class: 'run-link', text: run.id })),
    el('td', {}, kindBadge(run.kind)),
    el('td', { text: run.command || '–' }),
    el('td', { text: run.created_at ? run.created_at.replace('T', ' ').slice(0, 19) : '–' }),
    el('td', { text: source(run) }),
    el('td', { text: headline(run) }),
    el('td', { class: 'mono', text: build(run) }),
    el('td', {}, run.notes.length ? el('span', { class: 'warn', title: run.notes.join('\n'), text: `⚠ ${run.notes.length}` })
      : '')));
  const evalRuns = runs.filter(r => r.kind === 'eval').map(r => ({ id: r.id, strategies: r.headline.strategies }));
  render(view, [['runs', null]],
    el('h1', { text: `Runs (${runs.length})` }),
    runs.length === 0 ? el('p', { class: 'note', text: 'No runs found under --runs: a run directory holds run.json, '
      + 'results.jsonl, responses.jsonl or metrics.jsonl.' }) : null,
    el('div', { class: 'toolbar' }, compare, el('span', { class: 'muted', text: ' tick two or more runs' })),
    table(['', 'run', 'kind', 'command', 'created', 'model · data', 'results', 'build', 'notes'], rows,
      { class: 'runs', id: 'runs-table' }),
    evalRuns.length ? section('Accuracy against tokens (eval runs)', accuracyScatter(evalRuns, evalRuns.length > 1))
      : null);
}

function configTable(run) {
  const config = run.config || {};
  const keys = Object.keys(config);
  if (keys.length === 0) return el('p', { class: 'muted', text: 'No configuration recorded.' });
  return table(['option', 'value'], keys.map(k => [el('span', { class: 'mono', text: k }), show(config[k])]),
    { class: 'config' });
}

function provenance(run) {
  const p = run.platform || {};
  const b = run.build || {};
  return el('div', {},
    table(['', ''], [
      ['command', run.command || '–'], ['created', run.created_at || '–'],
      ['build', [b.version, b.commit, b.dirty ? 'dirty' : null].filter(Boolean).join(' ') || '–'],
      ['seeds', show(run.seeds)],
      ['platform', [p.javaVendor, p.javaVersion, p.os, p.arch, p.cpus ? p.cpus + ' CPUs' : null].filter(Boolean).join(', ') || '–']
    ], { class: 'kv' }),
    (run.inputs || []).length ? table(['input', 'bytes', 'sha256'], run.inputs.map(i =>
      [el('span', { class: 'mono', text: i.path }), i.size, el('span', { class: 'mono', title: i.sha256, text: truncate(i.sha256, 17) })]))
      : null);
}

function filesList(run) {
  return el('p', { class: 'files' }, (run.files || []).map(f =>
    el('span', { class: 'file', text: f.bytes < 0 ? f.name + '/' : `${f.name} (${num(f.bytes)} B)` })));
}

function strategiesTable(run) {
  const extra = new Map(((run.summary && run.summary.strategies) || []).map(s => [s.strategy, s]));
  return table(['strategy', 'problems', 'accuracy', 'answered', 'gen tokens / problem', 'cache reuse', 'code runs',
    'reward requests', 'wall s'], (run.strategies || []).map(s => {
    const x = extra.get(s.strategy) || {};
    return [s.strategy, s.problems, pct(s.accuracy), s.answered, num(s.mean_generated_tokens, 1),
      x.cached_share === undefined ? '–' : pct(x.cached_share), x.code_executions ?? '–', x.reward_requests ?? '–',
      x.wall_seconds === undefined ? '–' : num(x.wall_seconds, 2)];
  }), { class: 'strategies' });
}

async function curvesSection(run) {
  const box = el('div', { 'data-section': 'curves' }, el('p', { class: 'muted', text: 'Grading every sample…' }));
  api(runPath(run.id) + '/curves').then(curves => {
    const drawn = curves.strategies.filter(s => s.points.length > 0);
    const notes = curves.strategies.filter(s => s.note).map(s => `${s.strategy}: ${s.note}`);
    const ks = [...new Set(drawn.flatMap(s => s.points.map(p => p.k)))].sort((a, b) => a - b);
    const chart = (field, title) => el('figure', { class: 'figure', 'data-chart': field + '-at-k' },
      lineChart({ title, xLabel: 'k (samples)', yLabel: 'accuracy', yDomain: [0, 1], xLog2: true, xTicks: ks,
        series: drawn.map(s => ({ name: s.strategy, points: s.points.map(p => [p.k, p[field]]) })) }));
    box.replaceChildren(...[
      notesBox(notes),
      drawn.length ? chart('pass', 'pass@k: some sample among k is right') : null,
      drawn.length ? chart('maj', 'maj@k: the majority answer of k samples is right') : null,
      drawn.length ? el('p', { class: 'muted', text: 'A sample is a trajectory the search ended; pass@k is the '
        + 'unbiased estimate of Chen et al. (2021), maj@k the expected accuracy of a majority vote over k of them.' })
        : null
    ].filter(Boolean));
  }).catch(e => box.replaceChildren(notesBox([e.message])));
  return box;
}

async function evalProblems(run) {
  const data = await api(runPath(run.id) + '/problems');
  const rows = data.problems.map(p => [
    el('a', { href: runHref(run.id, 'problem', p.index), class: 'problem-link', text: String(p.index + 1) }),
    el('span', { title: p.question, text: truncate(p.question, 90) }),
    el('span', { class: 'mono', text: p.gold ?? '–' }),
    ...data.strategies.map(s => {
      const r = p.results[s];
      if (!r) return '–';
      return el('span', {}, verdict(r.correct), ' ', el('span', { class: 'mono', title: r.answer ?? 'no answer',
        text: truncate(r.answer ?? '–', 18) }), ' ', el('span', { class: 'muted', text: `${num(r.generated_tokens)} tok` }),
        r.tree_nodes > 0 ? [' ', el('a', { href: runHref(run.id, 'problem', p.index, 'tree', s), class: 'tree-link',
          title: `search tree: ${r.tree_nodes} nodes`, text: `tree (${num(r.tree_nodes)})` })] : null);
    })]);
  return [notesBox(data.notes), table(['#', 'question', 'gold', ...data.strategies], rows, { class: 'problems' })];
}

async function analysisProblems(run) {
  const data = await api(runPath(run.id) + '/problems');
  return [notesBox(data.notes), table(['#', 'problem', 'gold', 'responses', 'accuracy', 'mean tokens', 'mean rounds',
    'tokens after first correct'], data.problems.map(p => [
    el('a', { href: runHref(run.id, 'problem', p.index), class: 'problem-link', text: String(p.index + 1) }),
    el('span', { title: p.problem, text: truncate(p.problem, 90) }), el('span', { class: 'mono', text: p.gold ?? '–' }),
    p.responses, pct(p.accuracy), num(p.mean_tokens, 1), num(p.mean_solutions, 2), p.tokens_after_first_correct]),
  { class: 'problems' })];
}

function analysisSummary(run) {
  const s = run.summary || {};
  const keys = [['responses', 'responses'], ['problems', 'problems'], ['accuracy', 'accuracy'],
    ['mean_tokens', 'mean tokens'], ['mean_solutions', 'mean solution rounds'],
    ['outcome_efficiency', 'outcome efficiency ξO'], ['process_efficiency', 'process efficiency ξP'],
    ['repeated_answer_share', 'later rounds repeating an answer'],
    ['tokens_after_first_correct_share', 'tokens after the first correct round'], ['token_counting', 'token counting']];
  return table(['metric', 'value'], keys.filter(([k]) => s[k] !== undefined).map(([k, label]) =>
    [label, typeof s[k] === 'number' && !Number.isInteger(s[k]) ? num(s[k], 3) : show(s[k])]), { class: 'kv' });
}

async function kindSections(run) {
  if (run.kind === 'eval') {
    return [
      section('Results by strategy', strategiesTable(run), accuracyScatter([run], false)),
      section('pass@k and maj@k', await curvesSection(run)),
      section(`Problems (${run.problems ?? 0})`, ...(await evalProblems(run).catch(e => [notesBox([e.message])])))
    ];
  }
  if (run.kind === 'analyze') {
    return [
      section('Summary', run.summary ? analysisSummary(run) : notesBox(['no summary.json yet'])),
      run.has_report ? section('Report', el('iframe', { class: 'report', title: 'analysis report',
        src: '/api/' + runPath(run.id) + '/report', sandbox: '' })) : null,
      section('Problems', ...(await analysisProblems(run).catch(e => [notesBox([e.message])])))
    ];
  }
  if (run.kind === 'train') {
    const metrics = await api(runPath(run.id) + '/metrics').catch(e => ({ error: e.message }));
    return [section('Training curves', ...(metrics.error ? [notesBox([metrics.error])] : trainingCharts(metrics)))];
  }
  return [];
}

export async function runView(view, id) {
  const run = await api(runPath(id));
  const sections = await kindSections(run);
  render(view, [['runs', '#/'], [id, null]],
    el('h1', {}, id, ' ', kindBadge(run.kind)),
    notesBox(run.notes),
    ...sections,
    section('Configuration', configTable(run)),
    section('Provenance', provenance(run)),
    section('Files', filesList(run)));
}

/** Rows of option → value per run; differing rows marked. */
function compareConfig(runs) {
  const keys = [...new Set(runs.flatMap(r => Object.keys(r.config || {})))];
  const rows = [['command', r => r.command], ['created', r => r.created_at], ['build', r => build(r)],
    ['inputs', r => (r.inputs || []).map(i => `${baseName(i.path)} ${String(i.sha256 || '').slice(0, 12)}`).join(', ')],
    ['seeds', r => r.seeds], ...keys.map(k => [k, r => (r.config || {})[k]])];
  const onlyDiff = el('input', { type: 'checkbox', id: 'only-diff', onchange: e =>
    tableNode.classList.toggle('only-diff', e.target.checked) });
  const tableNode = table(['option', ...runs.map(r => r.id)], rows.map(([key, get]) => {
    const values = runs.map(r => show(get(r)));
    const differs = new Set(values).size > 1;
    return el('tr', { class: differs ? 'differs' : 'same' }, el('td', { class: 'mono', text: key }),
      values.map(v => el('td', { text: truncate(v, 160), title: v })));
  }), { class: 'compare' });
  return [el('label', { class: 'toolbar' }, onlyDiff, ' only options that differ'), tableNode];
}

function compareEval(runs) {
  const strategies = [...new Set(runs.flatMap(r => (r.strategies || []).map(s => s.strategy)))];
  return table(['strategy', ...runs.flatMap(r => [`${r.id} accuracy`, `${r.id} tokens`])], strategies.map(name => [
    name, ...runs.flatMap(r => {
      const s = (r.strategies || []).find(x => x.strategy === name);
      return s ? [pct(s.accuracy), num(s.mean_generated_tokens, 1)] : ['–', '–'];
    })]), { class: 'compare-results' });
}

export async function compareView(view, ids) {
  const runs = await Promise.all(ids.map(id => api(runPath(id))));
  const evals = runs.filter(r => r.kind === 'eval');
  const trains = runs.filter(r => r.kind === 'train');
  const analyses = runs.filter(r => r.kind === 'analyze');
  const sections = [section('Configuration and provenance', ...compareConfig(runs))];
  if (evals.length) {
    sections.push(section('Eval results', compareEval(evals), accuracyScatter(evals, true)));
  }
  if (analyses.length) {
    sections.push(section('Analyses', table(['run', 'responses', 'accuracy', 'mean tokens', 'ξO', 'ξP'],
      analyses.map(r => { const h = r.headline || {};
        return [r.id, h.responses ?? '–', pct(h.accuracy), num(h.mean_tokens, 1), num(h.outcome_efficiency, 3),
          num(h.process_efficiency, 3)]; }))));
  }
  if (trains.length) {
    const metrics = await Promise.all(trains.map(r => api(runPath(r.id) + '/metrics').catch(() => null)));
    sections.push(section('Training', lossOverlay(trains.map((r, i) => ({ id: r.id, metrics: metrics[i] })))));
  }
  render(view, [['runs', '#/'], ['compare', null]],
    el('h1', { text: `Comparing ${runs.length} runs` }),
    notesBox(runs.flatMap(r => r.notes.map(n => `${r.id}: ${n}`))),
    ...sections);
}

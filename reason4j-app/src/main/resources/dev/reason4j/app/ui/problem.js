// A problem: every trajectory of every strategy (eval), or every response cut into solution rounds (analyze).
import { api, runPath, runHref, el, table, notesBox, section, pct, num, truncate, verdict, render } from './util.js';
import { PALETTE } from './charts.js';

function codeBlock(code) {
  if (!code) return null;
  return el('div', { class: 'code' },
    el('div', { class: 'code-head', text: `code · ${code.status}${code.failed ? ' · failed' : ''}`
      + (code.from_snapshot ? ' · from snapshot' : '') }),
    el('pre', { class: 'source', text: code.source || '' }),
    code.output ? el('pre', { class: 'output', text: code.output }) : null,
    code.error ? el('pre', { class: 'output error', text: code.error }) : null);
}

function trajectory(t) {
  const head = el('summary', {}, t.chosen ? el('span', { class: 'chosen-badge', text: 'chosen' }) : null, ' ',
    verdict(t.correct), ' ', el('span', { class: 'mono', text: t.answer === null ? 'no answer' : truncate(t.answer, 40) }),
    el('span', { class: 'muted', text: ` · ends at node ${t.leaf} (${t.terminal || 'open'}) · ${num(t.tokens)} tokens`
      + ` · ${t.steps.length} steps · Q ${num(t.q, 3)}` }));
  return el('details', { class: 'trajectory' + (t.chosen ? ' chosen' : ''), open: t.chosen, 'data-leaf': t.leaf }, head,
    el('ol', { class: 'steps' }, t.steps.map(s => el('li', { 'data-node': s.id },
      el('pre', { class: 'step-text', text: s.text }),
      s.observation ? el('pre', { class: 'observation', text: s.observation }) : null,
      codeBlock(s.code)))));
}

function strategySection(runId, problem, s) {
  const u = s.usage || {};
  const clusters = (s.answers || []).length ? table(['answer', 'votes', 'weight', 'correct'], s.answers.map(a =>
    [el('span', { class: 'mono', text: truncate(a.answer, 60) }), a.votes, a.weight, verdict(a.correct)]),
  { class: 'clusters' }) : null;
  return el('section', { class: 'strategy', 'data-strategy': s.strategy },
    el('h2', {}, s.strategy, ' ', verdict(s.correct)),
    el('p', {}, 'answer ', el('span', { class: 'mono', text: s.answer ?? 'none' }),
      el('span', { class: 'muted', text: ` · ${s.grade_reason} · ${num(u.generated_tokens)} generated tokens · `
        + `${num(u.prompt_tokens)} prompt tokens · ${num(s.tree_nodes)} nodes` }),
      s.tree_nodes > 0 ? [' · ', el('a', { href: runHref(runId, 'problem', problem.index, 'tree', s.strategy),
        class: 'tree-link', text: 'open the search tree' })] : null),
    clusters,
    el('h3', { text: `Trajectories (${s.trajectories_total})` }),
    s.trajectories_total > s.trajectories.length ? notesBox([`showing ${s.trajectories.length} of `
      + `${s.trajectories_total}; the tree explorer shows them all`]) : null,
    el('div', { class: 'trajectories' }, s.trajectories.map(trajectory)));
}

function clusterColour(cluster) {
  return PALETTE[Math.abs(cluster ?? 0) % PALETTE.length];
}

/** A response's rounds: a bar of their token shares, then their text, coloured by distinctness. */
function response(r) {
  const rounds = r.split_solutions || [];
  const first = r.first_correct || 0;
  const style = (node, round, i) => {
    const after = first > 0 && i + 1 > first;
    node.classList.add(round.distinct ? 'distinct' : 'repeat');
    if (after) node.classList.add('after-first-correct');
    if (first === i + 1) node.classList.add('first-correct');
    if (round.distinct) node.style.setProperty('--round', clusterColour(round.cluster));
    return node;
  };
  const bar = el('div', { class: 'token-bar', title: 'solution rounds by tokens' }, rounds.map((round, i) => {
    const seg = style(el('span', { class: 'segment', title: `round ${i + 1}: ${round.tokens} tokens` }), round, i);
    seg.style.flexGrow = String(Math.max(1, round.tokens));
    return seg;
  }));
  const blocks = rounds.map((round, i) => style(el('div', { class: 'round', 'data-round': i + 1 },
    el('div', { class: 'round-head' }, `round ${i + 1} `, verdict(round.correct),
      ' ', el('span', { class: 'mono', text: round.answer ?? 'no answer' }),
      el('span', { class: 'muted', text: ` · ${round.tokens} tokens · cluster ${round.cluster}`
        + (round.distinct ? ' · distinct' : ' · repeats earlier work') }),
      first === i + 1 ? el('span', { class: 'first-badge', text: '★ first correct' }) : null),
    el('pre', { class: 'round-text', text: round.solution })), round, i));
  return el('article', { class: 'response', 'data-sample': r.sample },
    el('h3', {}, `response ${r.sample + 1} (line ${r.line}) `, verdict(r.correct)),
    el('p', { class: 'muted', text: `final answer ${r.final_answer ?? '–'} · ${num(r.tokens)} tokens · ${rounds.length} `
      + `rounds · first correct: ${first || 'none'} · tokens after it: ${num(r.tokens_after_first_correct)} · `
      + `ξO ${num(r.outcome_efficiency, 3)} · ξP ${num(r.process_efficiency, 3)}` }),
    bar, el('div', { class: 'rounds' }, blocks));
}

const LEGEND = el('p', { class: 'legend-row' },
  el('span', { class: 'swatch distinct' }), ' distinct round (colour = answer cluster) ',
  el('span', { class: 'swatch repeat' }), ' repeats earlier work ',
  el('span', { class: 'swatch after-first-correct' }), ' after the first correct round ',
  el('span', { class: 'first-badge', text: '★ first correct' }));

export async function problemView(view, runId, index) {
  const p = await api(`${runPath(runId)}/problems/${encodeURIComponent(index)}`);
  const crumbs = [['runs', '#/'], [runId, runHref(runId)], [`problem ${Number(index) + 1}`, null]];
  const question = p.question ?? p.problem;
  const head = [
    el('h1', { text: `Problem ${Number(index) + 1}` + (p.problem_id ? ` · ${p.problem_id}` : '') }),
    el('pre', { class: 'question', text: question }),
    el('p', {}, 'gold answer ', el('span', { class: 'mono gold', text: p.gold ?? 'unknown' }),
      p.difficulty ? el('span', { class: 'muted', text: ` · difficulty ${p.difficulty}` }) : null)
  ];
  if (p.strategies) {
    render(view, crumbs, ...head, ...p.strategies.map(s => strategySection(runId, p, s)));
  } else {
    const total = p.responses_total;
    render(view, crumbs, ...head,
      el('p', { class: 'muted', text: `${total} responses · accuracy ${pct(p.responses.filter(r => r.correct).length / Math.max(1, p.responses.length))}` }),
      total > p.responses.length ? notesBox([`showing the first ${p.responses.length} of ${total} responses`]) : null,
      LEGEND.cloneNode(true), section('Responses', ...p.responses.map(response)));
  }
}

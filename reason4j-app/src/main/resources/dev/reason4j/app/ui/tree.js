// The search-tree explorer. Trees of tens of thousands of nodes stay fast: the list of visible rows is recomputed
// only when a node opens or closes (collapsed subtrees cost nothing), and only the rows in the viewport are in the
// DOM (a virtualised list of fixed-height rows).
import { api, runPath, runHref, el, num, truncate, verdict, render, notesBox } from './util.js';

const ROW = 26;        // px, must match .tree-row's height in app.css
const OVERSCAN = 8;    // rows drawn above and below the viewport
const MAX_INDENT = 24; // deeper levels are not indented further (the depth is printed instead)

class Tree {
  constructor(data) {
    this.nodes = data.nodes;
    this.graded = data.graded || {};
    const n = this.nodes.length;
    this.position = new Map();
    this.nodes.forEach((node, i) => this.position.set(node.id, i));
    this.children = new Array(n);
    this.roots = [];
    for (let i = 0; i < n; i++) {
      const parent = this.nodes[i].parent;
      const p = parent === undefined || parent === null ? undefined : this.position.get(parent);
      if (p === undefined) this.roots.push(i);
      else (this.children[p] || (this.children[p] = [])).push(i);
    }
    this.expanded = new Uint8Array(n);
    this.onPath = new Uint8Array(n);
    for (const id of data.chosen_path || []) {
      const i = this.position.get(id);
      if (i !== undefined) this.onPath[i] = 1;
    }
    this.answer = this.position.get(data.answer_node);
    this.visible = [];
  }

  /** Rows in display order: a depth-first walk that skips the children of closed nodes. */
  layout() {
    const out = [];
    const stack = [];
    for (let r = this.roots.length - 1; r >= 0; r--) stack.push(this.roots[r]);
    while (stack.length) {
      const i = stack.pop();
      out.push(i);
      const kids = this.children[i];
      if (kids && this.expanded[i]) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
    }
    this.visible = out;
  }

  setAll(open) {
    this.expanded.fill(open ? 1 : 0);
  }

  /** Opens every ancestor of node i so that it is visible. */
  reveal(i) {
    for (let p = this.parentOf(i); p !== undefined; p = this.parentOf(p)) this.expanded[p] = 1;
  }

  parentOf(i) {
    const parent = this.nodes[i].parent;
    return parent === undefined || parent === null ? undefined : this.position.get(parent);
  }

  pathTo(i) {
    const path = [];
    for (let p = i; p !== undefined; p = this.parentOf(p)) path.push(p);
    return path.reverse();
  }

  /** Opens the chosen path (or, without one, the root), everything else closed. */
  showChosen() {
    this.setAll(false);
    this.roots.forEach(r => { this.expanded[r] = 1; });
    if (this.answer !== undefined) this.reveal(this.answer);
  }
}

function stat(label, value) {
  return value === undefined || value === null ? null : el('span', { class: 'stat', text: `${label} ${value}` });
}

function fixed(x, digits) {
  return typeof x === 'number' ? x.toFixed(digits) : undefined;
}

function preview(text) {
  return truncate(String(text || '').replace(/\s*\n\s*/g, ' ⏎ '), 140);
}

function rowFor(tree, i, selected, toggle, select) {
  const node = tree.nodes[i];
  const kids = tree.children[i];
  const graded = tree.graded[node.id];
  const row = el('div', {
    class: 'tree-row' + (tree.onPath[i] ? ' on-path' : '') + (i === tree.answer ? ' answer-node' : '')
      + (i === selected ? ' selected' : '') + (node.terminal ? ' terminal' : ''),
    role: 'treeitem', 'data-node': node.id, 'aria-expanded': kids ? String(!!tree.expanded[i]) : null,
    onclick: () => select(i)
  },
  el('button', { type: 'button', class: 'toggle', 'aria-label': kids ? 'open or close' : null, disabled: !kids,
    text: kids ? (tree.expanded[i] ? '▾' : '▸') : '·', onclick: e => { e.stopPropagation(); toggle(i); } }),
  el('span', { class: 'node-id', text: `#${node.id}` }),
  (node.depth ?? 0) > MAX_INDENT ? stat('d', node.depth) : null,
  stat('N', node.N), stat('Q', fixed(node.Q, 3)), stat('p', fixed(node.prior, 3)), stat('r', fixed(node.reward, 2)),
  kids ? el('span', { class: 'muted', title: `${kids.length} children`, text: `+${kids.length}` }) : null,
  node.code ? el('span', { class: 'badge code-badge' + (node.code.failed ? ' failed' : ''), text: 'code' }) : null,
  node.terminal ? el('span', { class: 'badge terminal-badge', text: node.terminal }) : null,
  node.answer !== undefined ? el('span', { class: 'badge answer-badge' }, graded === undefined ? '' : verdict(graded),
    ' ', truncate(node.answer, 24)) : null,
  el('span', { class: 'node-text', text: preview(node.text) }));
  row.style.paddingLeft = `${4 + 16 * Math.min(MAX_INDENT, node.depth ?? 0)}px`;
  row.style.top = '0';
  return row;
}

/** A path of node ids as "#0 › #4 › … › #28": the first 3 and the last 8 when it is long. */
function shortPath(ids, item) {
  const shown = ids.length > 12 ? [...ids.slice(0, 3), null, ...ids.slice(-8)] : ids;
  return shown.map((id, k) => [k ? ' › ' : '', id === null ? `… ${ids.length - 11} more …` : item(id)]);
}

function details(tree, i, select) {
  if (i === undefined) return el('p', { class: 'muted', text: 'Click a node to see its step.' });
  const node = tree.nodes[i];
  const graded = tree.graded[node.id];
  const fields = [['node', node.id], ['parent', node.parent ?? '–'], ['depth', node.depth], ['visits N', node.N],
    ['value Q', node.Q], ['prior / PPM score', node.prior ?? '–'], ['reward', node.reward ?? '–'],
    ['generated tokens', node.tokens], ['terminal', node.terminal ?? '–'], ['exhausted', node.exhausted ? 'yes' : '–'],
    ['children', (tree.children[i] || []).length]];
  return el('div', { class: 'node-detail', 'data-node': node.id },
    el('h3', {}, `Node #${node.id} `, tree.onPath[i] ? el('span', { class: 'chosen-badge', text: 'on the chosen path' })
      : null),
    el('p', { class: 'path' }, 'path: ', shortPath(tree.pathTo(i).map(p => tree.nodes[p].id), id =>
      el('a', { href: '#', 'data-goto': id, text: `#${id}`,
        onclick: e => { e.preventDefault(); select(tree.position.get(id), true); } }))),
    el('dl', {}, fields.map(([k, v]) => [el('dt', { text: k }), el('dd', { text: typeof v === 'number' ? num(v) : String(v) })])),
    node.answer !== undefined ? el('p', {}, 'answer ', el('span', { class: 'mono', text: node.answer }), ' ',
      graded === undefined ? '' : verdict(graded)) : null,
    el('h4', { text: 'Text' }), el('pre', { class: 'step-text', text: node.text || '(empty)' }),
    node.observation ? [el('h4', { text: 'Observation' }), el('pre', { class: 'observation', text: node.observation })]
      : null,
    node.code ? [el('h4', { text: `Code (${node.code.status}${node.code.failed ? ', failed' : ''})` }),
      el('pre', { class: 'source', text: node.code.source || '' }),
      el('h4', { text: 'Output' }), el('pre', { class: 'output', text: node.code.output || '(none)' }),
      node.code.error ? el('pre', { class: 'output error', text: node.code.error }) : null] : null);
}

export async function treeView(view, runId, index, strategy, started) {
  const data = await api(`${runPath(runId)}/problems/${encodeURIComponent(index)}/tree/${encodeURIComponent(strategy)}`);
  const tree = new Tree(data);
  tree.showChosen();
  tree.layout();
  let selected = tree.answer;

  const spacer = el('div', { class: 'tree-spacer' });
  const scroller = el('div', { class: 'tree-scroll', tabindex: '0', role: 'tree', 'aria-label': 'search tree' }, spacer);
  const panel = el('div', { class: 'tree-detail' });
  const counter = el('span', { class: 'muted', 'data-role': 'visible-count' });

  let frame = 0;
  const draw = () => {
    frame = 0;
    spacer.style.height = `${tree.visible.length * ROW}px`;
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW) - OVERSCAN);
    const last = Math.min(tree.visible.length, Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW) + OVERSCAN);
    const rows = [];
    for (let r = first; r < last; r++) {
      const row = rowFor(tree, tree.visible[r], selected, toggle, select);
      row.style.transform = `translateY(${r * ROW}px)`;
      rows.push(row);
    }
    spacer.replaceChildren(...rows);
    counter.textContent = `${num(tree.visible.length)} of ${num(tree.nodes.length)} nodes shown`;
  };
  const schedule = () => { if (!frame) frame = requestAnimationFrame(draw); };
  const relayout = () => { tree.layout(); draw(); };
  const scrollTo = i => {
    const r = tree.visible.indexOf(i);
    if (r < 0) return;
    const top = r * ROW;
    if (top < scroller.scrollTop || top > scroller.scrollTop + scroller.clientHeight - ROW) {
      scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 3);
    }
  };
  function toggle(i) {
    tree.expanded[i] = tree.expanded[i] ? 0 : 1;
    relayout();
  }
  function select(i, reveal) {
    selected = i;
    if (reveal) { tree.reveal(i); tree.layout(); scrollTo(i); }
    panel.replaceChildren(details(tree, i, select));
    draw();
  }
  scroller.addEventListener('scroll', schedule);
  scroller.addEventListener('keydown', e => {
    const r = tree.visible.indexOf(selected);
    if (e.key === 'ArrowDown' && r + 1 < tree.visible.length) select(tree.visible[r + 1]);
    else if (e.key === 'ArrowUp' && r > 0) select(tree.visible[r - 1]);
    else if (e.key === 'ArrowRight' && selected !== undefined && tree.children[selected]) { tree.expanded[selected] = 1; relayout(); }
    else if (e.key === 'ArrowLeft' && selected !== undefined) { tree.expanded[selected] = 0; relayout(); }
    else return;
    e.preventDefault();
    scrollTo(selected);
  });

  const goto = el('input', { type: 'number', min: '0', placeholder: 'node #', 'aria-label': 'go to node', class: 'goto' });
  const controls = el('div', { class: 'toolbar' },
    el('button', { type: 'button', 'data-action': 'expand-all', text: 'Open all',
      onclick: () => { tree.setAll(true); relayout(); } }),
    el('button', { type: 'button', 'data-action': 'collapse-all', text: 'Close all',
      onclick: () => { tree.setAll(false); relayout(); } }),
    el('button', { type: 'button', 'data-action': 'chosen-path', text: 'Chosen path', disabled: tree.answer === undefined,
      onclick: () => { tree.showChosen(); relayout(); if (tree.answer !== undefined) select(tree.answer, true); } }),
    el('form', { class: 'inline', onsubmit: e => {
      e.preventDefault();
      const i = tree.position.get(Number(goto.value));
      if (i !== undefined) select(i, true);
    } }, goto, el('button', { type: 'submit', text: 'Go' })),
    counter);

  const endings = tree.nodes.filter(n => n.terminal).length;
  render(view, [['runs', '#/'], [runId, runHref(runId)], [`problem ${Number(index) + 1}`, runHref(runId, 'problem', index)],
    [`${strategy} tree`, null]],
  el('h1', {}, `Search tree · ${strategy} `, verdict(data.correct)),
  el('pre', { class: 'question', text: data.question }),
  el('p', {}, 'gold ', el('span', { class: 'mono gold', text: data.gold ?? 'unknown' }), ' · answer ',
    el('span', { class: 'mono', text: data.answer ?? 'none' }),
    el('span', { class: 'muted' }, ` · ${num(tree.nodes.length)} nodes · ${num(endings)} endings · chosen path: `,
      (data.chosen_path || []).length ? shortPath(data.chosen_path, id => `#${id}`) : 'none')),
  notesBox(data.notes),
  controls,
  el('div', { class: 'tree-layout' }, scroller, panel));
  panel.replaceChildren(details(tree, selected, select));
  draw();
  if (selected !== undefined) { scrollTo(selected); draw(); }
  scroller.dataset.renderMs = String(Math.round(performance.now() - started));
  scroller.dataset.ready = '1';
}

// Small helpers shared by the views: the API, DOM building (text only: data never becomes HTML), formatting.

/** GET /api/...; throws an Error with the server's message when the answer is not 2xx. */
export async function api(path) {
  const response = await fetch('/api/' + path, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error(`${response.status} ${response.statusText}: the answer is not JSON`);
  }
  if (!response.ok) {
    throw new Error(body && body.error ? body.error : `${response.status} ${response.statusText}`);
  }
  return body;
}

/** The API path of a run: its id's segments, each URL-encoded. */
export function runPath(id) {
  return 'runs/' + id.split('/').map(encodeURIComponent).join('/');
}

/** The page address of a run (and of a page inside it). */
export function runHref(id, ...rest) {
  return '#/run/' + [id, ...rest].map(s => encodeURIComponent(String(s))).join('/');
}

/**
 * Builds an element. attrs: class, text, title, href, on* handlers, data-*, anything else as attribute.
 * Children: elements, strings (as text) or null (skipped), arrays of those.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table: headers (strings) and rows (arrays of cells: strings, numbers, elements). Numbers align right. */
export function table(headers, rows, attrs) {
  return el('table', attrs || {},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(row => row instanceof Node ? row : el('tr', {}, row.map(cell =>
      el('td', { class: typeof cell === 'number' ? 'num' : null }, typeof cell === 'number' ? num(cell) : cell))))));
}

/** A yellow box per note, or nothing. */
export function notesBox(notes) {
  if (!notes || notes.length === 0) return null;
  return el('div', { class: 'notes', role: 'note' }, notes.map(n => el('p', { class: 'note', text: n })));
}

export function section(title, ...children) {
  return el('section', {}, el('h2', { text: title }), ...children);
}

export function pct(x) {
  return x === null || x === undefined || Number.isNaN(x) ? '–' : (100 * x).toFixed(1) + '%';
}

export function num(x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (Number.isInteger(x) && digits === undefined) return x.toLocaleString('en-US');
  const d = digits === undefined ? (Math.abs(x) >= 100 ? 1 : Math.abs(x) >= 1 ? 3 : 4) : digits;
  return Number(x).toLocaleString('en-US', { maximumFractionDigits: d });
}

/** A value from run.json of any JSON type, as short text. */
export function show(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function truncate(text, length) {
  const t = String(text ?? '');
  return t.length > length ? t.slice(0, length - 1) + '…' : t;
}

/** A ✓ or ✗ badge. */
export function verdict(correct) {
  return el('span', { class: correct ? 'ok' : 'bad', title: correct ? 'correct' : 'not correct',
    text: correct ? '✓' : '✗' });
}

/** The last path segment of a file name in run.json's inputs. */
export function baseName(path) {
  return String(path ?? '').split('/').filter(Boolean).pop() || String(path ?? '');
}

/** Replaces the page's content and breadcrumbs. crumbs: [[label, href|null], ...] */
export function render(view, crumbs, ...children) {
  view.replaceChildren(...children.filter(c => c !== null && c !== undefined));
  const nav = document.getElementById('crumbs');
  nav.replaceChildren(...crumbs.flatMap(([label, href], i) => [
    i > 0 ? el('span', { class: 'sep', text: '›' }) : null,
    href ? el('a', { href, text: label }) : el('span', { text: label })
  ].filter(Boolean)));
}

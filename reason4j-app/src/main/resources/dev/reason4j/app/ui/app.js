// The router: the address after '#' picks the view.
//   #/                                   runs
//   #/run/RUN                            a run (RUN is the run id, URL-encoded as one segment)
//   #/run/RUN/problem/I                  a problem of a run
//   #/run/RUN/problem/I/tree/STRATEGY    a search tree
//   #/compare?runs=RUN,RUN               runs side by side
import { el, notesBox, render } from './util.js';
import { runsView, runView, compareView } from './runs.js';
import { problemView } from './problem.js';
import { treeView } from './tree.js';

const view = document.getElementById('view');
let current = 0;

async function route() {
  const started = performance.now();
  const ticket = ++current;
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  view.dataset.view = 'loading';
  try {
    let name;
    if (parts.length === 0) {
      name = 'runs';
      await runsView(view);
    } else if (parts[0] === 'compare') {
      name = 'compare';
      // split before decoding: ids are encoded one by one, so a comma inside an id stays %2C until here
      const raw = (query || '').split('&').find(p => p.startsWith('runs=')) || 'runs=';
      await compareView(view, raw.slice(5).split(',').filter(Boolean).map(decodeURIComponent));
    } else if (parts[0] === 'run' && parts.length === 2) {
      name = 'run';
      await runView(view, parts[1]);
    } else if (parts[0] === 'run' && parts.length === 4 && parts[2] === 'problem') {
      name = 'problem';
      await problemView(view, parts[1], parts[3]);
    } else if (parts[0] === 'run' && parts.length === 6 && parts[2] === 'problem' && parts[4] === 'tree') {
      name = 'tree';
      await treeView(view, parts[1], parts[3], parts[5], started);
    } else {
      throw new Error('no such page: #/' + hash);
    }
    if (ticket === current) view.dataset.view = name;
  } catch (e) {
    if (ticket !== current) return;
    render(view, [['runs', '#/']], el('h1', { text: 'Cannot show this page' }), notesBox([e.message]));
    view.dataset.view = 'error';
  }
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();

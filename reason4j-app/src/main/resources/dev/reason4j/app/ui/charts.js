// SVG charts drawn in the browser: lines (training curves, pass@k) and scatter plots (accuracy vs tokens).
// The palette and plain style follow the HTML reports' charts (dev.reason4j.app.report.Charts).

const NS = 'http://www.w3.org/2000/svg';
export const PALETTE = ['#2F6DB5', '#E07B39', '#3A9A5B', '#B23A48', '#7A5BA6', '#1B9AAA', '#8C6D31', '#D45087'];
const WIDTH = 760;
const HEIGHT = 340;
const MARGIN = { left: 64, right: 20, top: 36, bottom: 48 };
const LEGEND_WIDTH = 180;

function svg(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** About n round tick values covering [min, max]. */
export function niceTicks(min, max, n) {
  if (!(max > min)) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, n);
  }
  const raw = (max - min) / Math.max(1, n);
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(s => s >= raw);
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function label(value) {
  const a = Math.abs(value);
  if (a !== 0 && (a >= 1e7 || a < 1e-3)) return value.toExponential(1);
  return Number(value.toPrecision(6)).toLocaleString('en-US');
}

/**
 * The frame both chart kinds draw in: axes, ticks, grid, title, legend; returns the svg and the scale functions.
 * spec: { title, xLabel, yLabel, xDomain: [min, max], yDomain: [min, max], xTicks?, xLog2?, names: [...] }
 */
function frame(spec) {
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img' });
  root.append(svg('title', {}, spec.title));
  const legend = spec.names.length > 1 || spec.legend;
  const plotW = WIDTH - MARGIN.left - MARGIN.right - (legend ? LEGEND_WIDTH : 0);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const tx = spec.xLog2 ? v => Math.log2(v) : v => v;
  const [x0, x1] = spec.xDomain.map(tx);
  const [y0, y1] = spec.yDomain;
  const sx = v => MARGIN.left + (x1 === x0 ? plotW / 2 : (tx(v) - x0) / (x1 - x0) * plotW);
  const sy = v => MARGIN.top + plotH - (y1 === y0 ? plotH / 2 : (v - y0) / (y1 - y0) * plotH);
  root.append(svg('rect', { x: MARGIN.left, y: MARGIN.top, width: plotW, height: plotH, class: 'plot' }));
  for (const t of niceTicks(y0, y1, 5).filter(t => t >= y0 && t <= y1)) {
    root.append(svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: sy(t), y2: sy(t), class: 'grid' }));
    root.append(svg('text', { x: MARGIN.left - 6, y: sy(t) + 4, class: 'tick', 'text-anchor': 'end' }, label(t)));
  }
  const xTicks = spec.xTicks || niceTicks(spec.xDomain[0], spec.xDomain[1], 6)
    .filter(t => t >= spec.xDomain[0] && t <= spec.xDomain[1]);
  for (const t of xTicks) {
    root.append(svg('line', { x1: sx(t), x2: sx(t), y1: MARGIN.top, y2: MARGIN.top + plotH, class: 'grid' }));
    root.append(svg('text', { x: sx(t), y: MARGIN.top + plotH + 16, class: 'tick', 'text-anchor': 'middle' }, label(t)));
  }
  root.append(svg('text', { x: MARGIN.left, y: 22, class: 'chart-title' }, spec.title));
  root.append(svg('text', { x: MARGIN.left + plotW / 2, y: HEIGHT - 10, class: 'axis-label', 'text-anchor': 'middle' },
    spec.xLabel));
  root.append(svg('text', { x: 14, y: MARGIN.top + plotH / 2, class: 'axis-label', 'text-anchor': 'middle',
    transform: `rotate(-90 14 ${MARGIN.top + plotH / 2})` }, spec.yLabel));
  if (legend) {
    const x = WIDTH - MARGIN.right - LEGEND_WIDTH + 14;
    spec.names.forEach((name, i) => {
      const y = MARGIN.top + 12 + i * 16;
      root.append(svg('rect', { x, y: y - 9, width: 10, height: 10, fill: PALETTE[i % PALETTE.length] }));
      const text = svg('text', { x: x + 15, y, class: 'legend' }, name.length > 26 ? name.slice(0, 25) + '…' : name);
      text.append(svg('title', {}, name));
      root.append(text);
    });
  }
  return { root, sx, sy };
}

function extent(values, pad) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return [0, 1];
  if (pad && max > min) {
    const p = (max - min) * 0.05;
    min -= p;
    max += p;
  }
  return [min, max];
}

/**
 * Lines, one per series: { title, xLabel, yLabel, series: [{ name, points: [[x, y], ...], dashed }], yDomain?,
 * xLog2?, xTicks? }. Each point has a tooltip when there are few; a long series is one path.
 */
export function lineChart(spec) {
  const all = spec.series.flatMap(s => s.points);
  const { root, sx, sy } = frame({ ...spec, names: spec.series.map(s => s.name),
    xDomain: extent(all.map(p => p[0])), yDomain: spec.yDomain || extent(all.map(p => p[1]), true) });
  spec.series.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length];
    const d = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join('');
    const path = svg('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2, class: 'series',
      'data-series': s.name, 'stroke-dasharray': s.dashed ? '6 4' : 'none' });
    path.append(svg('title', {}, s.name));
    root.append(path);
    if (s.points.length <= 60) {
      for (const [x, y] of s.points) {
        const dot = svg('circle', { cx: sx(x), cy: sy(y), r: 3.5, fill: colour, class: 'point' });
        dot.append(svg('title', {}, `${s.name}: ${label(x)}, ${label(y)}`));
        root.append(dot);
      }
    }
  });
  return root;
}

/**
 * Points, one colour per series: { title, xLabel, yLabel, series: [{ name, points: [{ x, y, label }] }], yDomain? }.
 * Each point is labelled on hover (and in text when there are few).
 */
export function scatterChart(spec) {
  const all = spec.series.flatMap(s => s.points);
  const [xmin, xmax] = extent(all.map(p => p.x), true);
  const { root, sx, sy } = frame({ ...spec, legend: true, names: spec.series.map(s => s.name),
    xDomain: [Math.min(0, xmin), xmax], yDomain: spec.yDomain || extent(all.map(p => p.y), true) });
  const placed = [];   // label boxes already drawn: a label that would overlap one is left to the tooltip
  spec.series.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length];
    for (const p of s.points) {
      const dot = svg('circle', { cx: sx(p.x), cy: sy(p.y), r: 5, fill: colour, 'fill-opacity': 0.8, class: 'point',
        'data-series': s.name });
      dot.append(svg('title', {}, `${p.label || s.name}: ${label(p.x)} tokens, accuracy ${(100 * p.y).toFixed(1)}%`));
      root.append(dot);
      const box = { x: sx(p.x) + 7, y: sy(p.y) - 16, w: 6.5 * String(p.label || '').length, h: 13 };
      const free = !placed.some(b => box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h);
      if (all.length <= 16 && p.label && free) {
        placed.push(box);
        root.append(svg('text', { x: box.x, y: box.y + 10, class: 'point-label' }, p.label));
      }
    }
  });
  return root;
}

// Charts drawn as SVG by hand (no chart library, nothing from the network). Each chart has a text
// alternative: a role="img" label and a <title> on every mark.
import { frDay, frNumber, s } from './dom';

export interface DayCount { day: string; count: number }

function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000 : NaN;
}

// Bars per day over the whole span (missing days are gaps at zero), with the first and last day
// and the maximum as labels.
export function barChart(points: DayCount[], label: string): SVGElement {
  const valid = points.filter((p) => Number.isFinite(dayNumber(p.day))).sort((a, b) => dayNumber(a.day) - dayNumber(b.day));
  const W = 640, H = 180, left = 36, right = 8, top = 12, bottom = 28;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label });
  if (valid.length === 0) {
    svg.appendChild(s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'chart-empty' }, 'Aucune donnée'));
    return svg;
  }
  const d0 = dayNumber(valid[0]!.day), d1 = dayNumber(valid[valid.length - 1]!.day);
  const span = Math.max(1, d1 - d0 + 1);
  const max = Math.max(...valid.map((p) => p.count), 1);
  const plotW = W - left - right, plotH = H - top - bottom;
  const bw = Math.max(1, plotW / span - 1);
  svg.appendChild(s('line', { x1: left, y1: top + plotH, x2: W - right, y2: top + plotH, class: 'chart-axis' }));
  svg.appendChild(s('text', { x: left - 4, y: top + 8, 'text-anchor': 'end', class: 'chart-label' }, frNumber(max)));
  svg.appendChild(s('text', { x: left - 4, y: top + plotH, 'text-anchor': 'end', class: 'chart-label' }, '0'));
  for (const p of valid) {
    const x = left + ((dayNumber(p.day) - d0) / span) * plotW;
    const h = (p.count / max) * plotH;
    svg.appendChild(s('rect', { x: x.toFixed(1), y: (top + plotH - h).toFixed(1), width: bw.toFixed(1), height: h.toFixed(1), class: 'chart-bar' },
      s('title', {}, `${frDay(p.day)} : ${frNumber(p.count)}`)));
  }
  svg.appendChild(s('text', { x: left, y: H - 8, class: 'chart-label' }, frDay(valid[0]!.day)));
  if (valid.length > 1)
    svg.appendChild(s('text', { x: W - right, y: H - 8, 'text-anchor': 'end', class: 'chart-label' }, frDay(valid[valid.length - 1]!.day)));
  return svg;
}

export interface TimelineEvent { value: string; text: string }

// Events placed on a time axis, one dot per day (larger when several events share it), labelled
// with their numbers in the text list that goes with the chart.
export function timelineChart(events: TimelineEvent[], label: string): SVGElement {
  const valid = events.map((e, i) => ({ ...e, n: i + 1, d: dayNumber(e.value) })).filter((e) => Number.isFinite(e.d));
  const W = 640, H = 90, pad = 24, axisY = 50;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart timeline', role: 'img', 'aria-label': label });
  if (valid.length === 0) {
    svg.appendChild(s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'chart-empty' }, 'Aucune date'));
    return svg;
  }
  const days = new Map<number, typeof valid>();
  for (const e of valid) days.set(e.d, [...(days.get(e.d) ?? []), e]);
  const sorted = [...days.entries()].sort((a, b) => a[0] - b[0]);
  const d0 = sorted[0]![0], d1 = sorted[sorted.length - 1]![0];
  const span = Math.max(1, d1 - d0);
  svg.appendChild(s('line', { x1: pad, y1: axisY, x2: W - pad, y2: axisY, class: 'chart-axis' }));
  sorted.forEach(([d, evs], k) => {
    const x = sorted.length === 1 ? W / 2 : pad + ((d - d0) / span) * (W - 2 * pad);
    const first = evs[0]!, last = evs[evs.length - 1]!;
    const r = Math.min(12, 5 + 2 * (evs.length - 1));
    svg.appendChild(s('circle', { cx: x.toFixed(1), cy: axisY, r, class: 'chart-dot' },
      s('title', {}, `${frDay(first.value)} : ${evs.map((e) => e.text).join(' / ')}`)));
    const text = evs.length === 1 ? String(first.n) : `${first.n}–${last.n}`;
    svg.appendChild(s('text', { x: x.toFixed(1), y: k % 2 === 0 ? axisY - 16 : axisY + 26, 'text-anchor': 'middle', class: 'chart-label' }, text));
  });
  svg.appendChild(s('text', { x: pad, y: H - 2, class: 'chart-label' }, frDay(sorted[0]![1][0]!.value)));
  if (sorted.length > 1) svg.appendChild(s('text', { x: W - pad, y: H - 2, 'text-anchor': 'end', class: 'chart-label' }, frDay(sorted[sorted.length - 1]![1][0]!.value)));
  return svg;
}

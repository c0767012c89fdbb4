// Renders an annotated text (entities and quotations as UTF-8 byte spans) as paragraphs of text
// nodes, links and marks. Spans that fall inside a character or outside the text are skipped.
import type { EntitySpan, QuoteSpan } from './api';
import { entityHref, h } from './dom';
import { ByteIndex } from './utf8';

interface Span { from: number; to: number; kind: 'entity' | 'quote'; entity?: EntitySpan; quote?: QuoteSpan }

export function toSpans(index: ByteIndex, entities: EntitySpan[] = [], quotes: QuoteSpan[] = []): Span[] {
  const out: Span[] = [];
  const add = (begin: number, end: number, span: Omit<Span, 'from' | 'to'>) => {
    const from = index.toIndex(begin), to = index.toIndex(end);
    if (from === null || to === null || to <= from) return;
    out.push({ from, to, ...span });
  };
  for (const q of quotes) add(q.begin, q.end, { kind: 'quote', quote: q });
  for (const e of entities) add(e.begin, e.end, { kind: 'entity', entity: e });
  return out;
}

// Renders text[from, to) with the spans cut to that range. Entities become links inside quote marks.
export function renderRange(text: string, from: number, to: number, spans: Span[]): Node[] {
  const cuts = new Set<number>([from, to]);
  for (const sp of spans) {
    if (sp.to <= from || sp.from >= to) continue;
    cuts.add(Math.max(from, sp.from));
    cuts.add(Math.min(to, sp.to));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes: Node[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!, b = points[k + 1]!;
    const piece = text.slice(a, b);
    const inQuote = spans.find((sp) => sp.kind === 'quote' && sp.from <= a && sp.to >= b);
    const inEntity = spans.find((sp) => sp.kind === 'entity' && sp.from <= a && sp.to >= b);
    let node: Node = document.createTextNode(piece);
    if (inEntity?.entity) {
      const e = inEntity.entity;
      node = h('a', { href: entityHref(e.id), class: `ent ent-${e.type}`, title: `${e.entity} (${e.type})` }, piece);
    }
    if (inQuote?.quote) {
      const q = inQuote.quote;
      node = h('mark', { class: 'quote', title: q.speaker ? `Citation de ${q.speaker}` : 'Citation' }, node);
    }
    nodes.push(node);
  }
  return nodes;
}

// Paragraph blocks of the document: `text` is the body blocks joined by "\n\n".
export function renderBody(text: string, blocks: { kind: string; text: string }[], entities?: EntitySpan[], quotes?: QuoteSpan[]): HTMLElement {
  const index = new ByteIndex(text);
  const spans = toSpans(index, entities, quotes);
  const root = h('div', { class: 'article-text' });
  let pos = 0;
  const ranges: { from: number; to: number; kind: string }[] = [];
  if (blocks.length > 0) {
    for (const b of blocks) {
      const at = text.indexOf(b.text, pos);
      if (at < 0) { ranges.length = 0; break; }
      ranges.push({ from: at, to: at + b.text.length, kind: b.kind });
      pos = at + b.text.length;
    }
  }
  if (ranges.length === 0) {
    // Blocks do not line up with the text: paragraphs from the blank lines instead.
    let start = 0;
    for (const part of text.split('\n\n')) {
      ranges.push({ from: start, to: start + part.length, kind: 'paragraph' });
      start += part.length + 2;
    }
  }
  for (const r of ranges) {
    const tag = r.kind === 'heading' ? 'h3' : r.kind === 'quote' ? 'blockquote' : 'p';
    const el = h(tag, { class: `block block-${r.kind}` });
    for (const n of renderRange(text, r.from, r.to, spans)) el.appendChild(n);
    root.appendChild(el);
  }
  return root;
}

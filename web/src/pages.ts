// One function per page: each fetches its JSON and returns the page's content.
import { getJson } from './api';
import type { ArticleDetail, DocComment, EntityDetail, EntityList, SearchResult, Stats, StoryDetail, StoryList, ThreadList } from './api';
import { barChart, timelineChart } from './charts';
import { entityHref, frDate, frDay, frNumber, h, link, percent, plural, typeName } from './dom';
import { renderBody, renderRange, toSpans } from './highlight';
import { ByteIndex } from './utf8';

export interface Page { title: string; content: (Node | null)[] }

const PAGE_SIZE = 20;

function searchForm(q = '', extra: Record<string, string> = {}): HTMLFormElement {
  const input = h('input', { type: 'search', name: 'q', id: 'q', value: q, required: true, maxlength: 1000, autocomplete: 'off', placeholder: 'ex. : « réforme des retraites » -grève' });
  const hidden = Object.entries(extra).filter(([, v]) => v).map(([k, v]) => h('input', { type: 'hidden', name: k, value: v }));
  return h('form', { class: 'search-form', role: 'search', action: '/recherche', method: 'get' },
    h('label', { for: 'q' }, 'Rechercher dans les articles'),
    h('div', { class: 'search-row' }, input, ...hidden, h('button', { type: 'submit' }, 'Rechercher')));
}

function storyCard(st: StoryList['stories'][number]): HTMLElement {
  return h('li', { class: 'card' },
    h('h3', {}, link(`/sujets/${st.id}`, st.title || `Sujet ${st.id}`)),
    h('p', { class: 'meta' }, `${frDate(st.first)} – ${frDate(st.last)} · ${plural(st.articles, 'article', 'articles')} · ${st.sites.join(', ')}`),
    st.entities.length ? h('p', { class: 'chips' }, ...st.entities.map((e) => link(entityHref(e.id), e.name))) : null,
    st.toxic_share !== null ? h('p', { class: 'meta' }, `Commentaires toxiques : ${percent(st.toxic_share)}`) : null);
}

export async function homePage(): Promise<Page> {
  const [stats, stories] = await Promise.all([getJson<Stats>('/api/stats'), getJson<StoryList>('/api/stories', { limit: 10 })]);
  return {
    title: 'Accueil',
    content: [
      h('h1', { tabindex: -1 }, 'Veille médiatique'),
      searchForm(),
      h('p', { class: 'lead' }, `${plural(stats.articles, 'article', 'articles')} de ${plural(stats.sites, 'site', 'sites')}, ${plural(stats.stories, 'sujet', 'sujets')}, du ${frDate(stats.first)} au ${frDate(stats.last)}.`),
      h('h2', {}, 'Sujets récents'),
      stories.stories.length ? h('ul', { class: 'cards' }, ...stories.stories.map(storyCard)) : h('p', {}, 'Aucun sujet.'),
      h('p', {}, link('/sujets', 'Tous les sujets')),
    ],
  };
}

export async function searchPage(params: URLSearchParams): Promise<Page> {
  const q = params.get('q') ?? '';
  const filters: Record<string, string> = {};
  for (const k of ['entity', 'site', 'since', 'until']) { const v = params.get(k); if (v) filters[k] = v; }
  const form = searchForm(q, filters);
  if (!q.trim()) return { title: 'Recherche', content: [h('h1', { tabindex: -1 }, 'Recherche'), form, h('p', { class: 'help' }, 'Mots (tous requis), "expressions exactes", -mot pour exclure, OR entre deux termes.')] };
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const res = await getJson<SearchResult>('/api/search', { q, ...filters, limit: PAGE_SIZE, offset });
  const withParams = (changes: Record<string, string | null>): string => {
    const p = new URLSearchParams({ q, ...filters });
    for (const [k, v] of Object.entries(changes)) { if (v === null) p.delete(k); else p.set(k, v); }
    return `/recherche?${p.toString()}`;
  };
  const active = Object.entries(filters).map(([k, v]) =>
    h('li', {}, link(withParams({ [k]: null, offset: null }), `${filterName(k)} : ${v} ✕`)));
  const facets = h('aside', { class: 'facets', 'aria-label': 'Filtres' },
    active.length ? [h('h2', {}, 'Filtres actifs'), h('ul', { class: 'active-filters' }, ...active)] : null,
    facetList('Entités', res.facets.entities.map((f) => ({ label: `${f.name} (${typeName(f.type)})`, count: f.count, href: withParams({ entity: f.id, offset: null }) }))),
    facetList('Sites', res.facets.sites.map((f) => ({ label: f.site, count: f.count, href: withParams({ site: f.site, offset: null }) }))),
    facetList('Dates', res.facets.days.map((f) => ({ label: frDay(f.day), count: f.count, href: withParams({ since: f.day, until: f.day, offset: null }) }))));
  const hits = res.hits.map((hit) => h('li', { class: 'hit' },
    h('h3', {}, link(`/articles/${hit.article}`, hit.title ?? `Article ${hit.article}`)),
    h('p', { class: 'meta' }, [hit.site ?? 'site inconnu', frDate(hit.published)].join(' · '),
      hit.story !== null ? [' · ', link(`/sujets/${hit.story}`, 'voir le sujet')] : null),
    h('p', { class: 'snippet' }, ...hit.snippet.map((seg) => (seg.hit ? h('mark', {}, seg.text) : seg.text)))));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages de résultats' },
    res.offset > 0 ? link(withParams({ offset: String(Math.max(0, res.offset - PAGE_SIZE)) }), '← Précédents') : null,
    res.offset + res.hits.length < res.total ? link(withParams({ offset: String(res.offset + PAGE_SIZE) }), 'Suivants →') : null);
  return {
    title: `Recherche : ${q}`,
    content: [
      h('h1', { tabindex: -1 }, 'Recherche'), form,
      h('p', { class: 'count', role: 'status' }, res.total === 0 ? 'Aucun résultat.' : `${plural(res.total, 'résultat', 'résultats')}${res.total > res.hits.length ? ` (${res.offset + 1}–${res.offset + res.hits.length})` : ''}`),
      h('div', { class: 'with-sidebar' }, h('ol', { class: 'hits', start: res.offset + 1 }, ...hits), facets),
      pager,
    ],
  };
}

function filterName(k: string): string {
  return ({ entity: 'Entité', site: 'Site', since: 'Depuis', until: "Jusqu'au" } as Record<string, string>)[k] ?? k;
}

function facetList(title: string, items: { label: string; count: number; href: string }[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h('section', { class: 'facet' }, h('h2', {}, title),
    h('ul', {}, ...items.map((i) => h('li', {}, link(i.href, i.label), ' ', h('span', { class: 'facet-count' }, frNumber(i.count))))));
}

export async function storiesPage(params: URLSearchParams): Promise<Page> {
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [list, threads] = await Promise.all([getJson<StoryList>('/api/stories', { limit: PAGE_SIZE, offset }), getJson<ThreadList>('/api/threads')]);
  return {
    title: 'Sujets',
    content: [
      h('h1', { tabindex: -1 }, 'Sujets'),
      h('p', {}, plural(list.total, 'sujet', 'sujets')),
      h('ul', { class: 'cards' }, ...list.stories.map(storyCard)),
      h('nav', { class: 'pager', 'aria-label': 'Pages de sujets' },
        offset > 0 ? link(`/sujets?offset=${Math.max(0, offset - PAGE_SIZE)}`, '← Précédents') : null,
        offset + list.stories.length < list.total ? link(`/sujets?offset=${offset + PAGE_SIZE}`, 'Suivants →') : null),
      h('h2', {}, 'Fils (sujets qui se suivent)'),
      threads.threads.length ? h('ul', { class: 'threads' }, ...threads.threads.map((t) => h('li', {},
        h('strong', {}, t.title), ` (${frDate(t.first)} – ${frDate(t.last)}) : `,
        ...t.stories.flatMap((id, k) => [k ? ', ' : '', link(`/sujets/${id}`, `sujet ${id}`)])))) : h('p', {}, 'Aucun fil.'),
    ],
  };
}

export async function storyPage(id: string): Promise<Page> {
  const st = await getJson<StoryDetail>(`/api/stories/${encodeURIComponent(id)}`);
  const bySpeaker = new Map<string, StoryDetail['quotes']>();
  for (const q of st.quotes) {
    const key = q.speaker ?? 'Sans locuteur identifié';
    bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), q]);
  }
  const events = st.timeline.filter((e) => /^\d{4}-\d{2}-\d{2}/.test(e.value)).sort((a, b) => a.value.localeCompare(b.value));
  return {
    title: st.title,
    content: [
      h('p', { class: 'kicker' }, 'Sujet'),
      h('h1', { tabindex: -1 }, st.title || `Sujet ${st.id}`),
      h('p', { class: 'meta' }, `${frDate(st.first)} – ${frDate(st.last)} · ${plural(st.sources.length, 'source', 'sources')} · ${plural(st.comments.count, 'commentaire', 'commentaires')} (${percent(st.comments.toxic_share)} toxiques)`),
      st.entities.length ? h('p', { class: 'chips', 'aria-label': 'Entités' }, ...st.entities.map((e) => link(entityHref(e.id), `${e.name} (${e.mentions})`))) : null,
      h('section', { 'aria-labelledby': 'resume' }, h('h2', { id: 'resume' }, 'Résumé'),
        st.summary.length ? h('ul', { class: 'summary' }, ...st.summary.map((s) => h('li', {}, s.text, ' ', link(`/articles/${s.article}`, '[source]')))) : h('p', {}, 'Pas de résumé.')),
      h('section', { 'aria-labelledby': 'chrono' }, h('h2', { id: 'chrono' }, 'Chronologie'),
        events.length ? [timelineChart(events, `Chronologie : ${events.length} événements du ${frDate(events[0]!.value)} au ${frDate(events[events.length - 1]!.value)}`),
          h('ol', { class: 'timeline-list' }, ...events.map((e) => h('li', {}, h('strong', {}, frDate(e.value)), ' — ', e.text, ' ', link(`/articles/${e.article}`, '[source]'))))]
          : h('p', {}, 'Aucune date relevée.')),
      h('section', { 'aria-labelledby': 'sources' }, h('h2', { id: 'sources' }, 'Sources'),
        h('ul', { class: 'sources' }, ...st.sources.map((src) => h('li', {},
          link(`/articles/${src.article}`, src.title ?? `Article ${src.article}`),
          h('span', { class: 'meta' }, ` — ${src.site ?? 'site inconnu'}, ${frDate(src.published)}`),
          src.duplicates.length ? h('ul', { class: 'duplicates' }, h('li', { class: 'meta' }, 'Reprises :'),
            ...src.duplicates.map((d) => h('li', {}, link(`/articles/${d.article}`, `${d.site ?? 'site inconnu'}, ${frDate(d.published)}`)))) : null)))),
      h('section', { 'aria-labelledby': 'citations' }, h('h2', { id: 'citations' }, 'Citations'),
        bySpeaker.size ? [...bySpeaker.entries()].map(([speaker, qs]) => h('div', { class: 'speaker' },
          h('h3', {}, qs[0]?.speaker_entity ? link(entityHref(qs[0].speaker_entity), speaker) : speaker),
          h('ul', {}, ...qs.map((q) => h('li', {}, h('q', {}, q.text), ' ', link(`/articles/${q.article}`, '[source]')))))) : h('p', {}, 'Aucune citation.')),
      st.related.length ? h('section', { 'aria-labelledby': 'suite' }, h('h2', { id: 'suite' }, 'Dans le même fil'),
        h('ul', {}, ...st.related.map((r) => h('li', {}, link(`/sujets/${r.id}`, r.title))))) : null,
    ],
  };
}

export async function entitiesPage(params: URLSearchParams): Promise<Page> {
  const q = params.get('q') ?? '';
  const list = await getJson<EntityList>('/api/entities', { q, limit: 100 });
  return {
    title: 'Entités',
    content: [
      h('h1', { tabindex: -1 }, 'Entités'),
      h('form', { class: 'search-form', role: 'search', action: '/entites', method: 'get' },
        h('label', { for: 'eq' }, 'Filtrer les entités'),
        h('div', { class: 'search-row' }, h('input', { type: 'search', id: 'eq', name: 'q', value: q, maxlength: 300 }), h('button', { type: 'submit' }, 'Filtrer'))),
      h('p', {}, plural(list.total, 'entité', 'entités')),
      h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Nom'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Mentions'), h('th', { scope: 'col' }, 'Articles'))),
        h('tbody', {}, ...list.entities.map((e) => h('tr', {}, h('td', {}, link(entityHref(e.id), e.name)), h('td', {}, typeName(e.type)), h('td', { class: 'num' }, frNumber(e.mentions)), h('td', { class: 'num' }, frNumber(e.articles)))))),
    ],
  };
}

export async function entityPage(id: string): Promise<Page> {
  const e = await getJson<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`);
  return {
    title: e.name,
    content: [
      h('p', { class: 'kicker' }, typeName(e.type)),
      h('h1', { tabindex: -1 }, e.name),
      h('p', { class: 'meta' }, `${plural(e.mentions, 'mention', 'mentions')} dans ${plural(e.articles, 'article', 'articles')}`,
        e.surfaces.length ? ` · formes : ${e.surfaces.join(', ')}` : ''),
      h('section', { 'aria-labelledby': 'mentions' }, h('h2', { id: 'mentions' }, 'Mentions dans le temps'),
        barChart(e.timeline, `Articles mentionnant ${e.name} par jour : ${e.timeline.map((t) => `${frDay(t.day)} ${t.count}`).join(', ')}`)),
      h('section', { 'aria-labelledby': 'eq-title' }, h('h2', { id: 'eq-title' }, 'Citations'),
        e.quotes.length ? h('ul', {}, ...e.quotes.map((q) => h('li', {}, h('q', {}, q.text), ' ', link(`/articles/${q.article}`, '[article]'),
          q.story !== null ? [' ', link(`/sujets/${q.story}`, '[sujet]')] : null))) : h('p', {}, 'Aucune citation attribuée.')),
      h('section', { 'aria-labelledby': 'cooc' }, h('h2', { id: 'cooc' }, 'Entités associées'),
        e.cooccurring.length ? h('ul', { class: 'chips' }, ...e.cooccurring.map((c) => h('li', {}, link(entityHref(c.id), c.name), ` (${plural(c.count, 'article', 'articles')})`))) : h('p', {}, 'Aucune.')),
      h('section', { 'aria-labelledby': 'recent' }, h('h2', { id: 'recent' }, 'Articles récents'),
        h('ul', {}, ...e.recent.map((a) => h('li', {}, link(`/articles/${a.article}`, a.title ?? `Article ${a.article}`),
          h('span', { class: 'meta' }, ` — ${a.site ?? 'site inconnu'}, ${frDate(a.published)}`))))),
    ],
  };
}

export async function articlePage(id: string): Promise<Page> {
  const a = await getJson<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`);
  const d = a.document;
  const removed = h('div', { id: 'removed-blocks', hidden: true },
    h('ul', { class: 'removed' }, ...d.removed.map((r) => h('li', {}, h('span', { class: 'tag' }, r.kind), ' ', r.text))));
  const toggleRemoved = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'removed-blocks', class: 'secondary' }, `Afficher les blocs retirés (${d.removed.length})`);
  toggleRemoved.addEventListener('click', () => {
    const show = removed.hidden;
    removed.hidden = !show;
    toggleRemoved.setAttribute('aria-expanded', String(show));
    toggleRemoved.textContent = `${show ? 'Masquer' : 'Afficher'} les blocs retirés (${d.removed.length})`;
  });
  const toxicCount = d.comments.filter((c) => c.moderation?.toxic).length;
  const thread = commentTree(d.comments);
  const hideToxic = h('input', { type: 'checkbox', id: 'hide-toxic', checked: true });
  hideToxic.addEventListener('change', () => thread.classList.toggle('hide-toxic', hideToxic.checked));
  thread.classList.add('hide-toxic');
  return {
    title: d.title ?? `Article ${a.id}`,
    content: [
      h('p', { class: 'kicker' }, d.site ?? 'Article'),
      h('h1', { tabindex: -1 }, d.title ?? `Article ${a.id}`),
      h('p', { class: 'meta' }, frDate(d.published), d.authors.length ? ` · ${d.authors.join(', ')}` : '',
        a.versions > 1 ? ` · ${a.versions} versions` : '',
        a.story !== null ? [' · ', link(`/sujets/${a.story}`, 'voir le sujet')] : null,
        a.duplicate_of !== null ? [' · reprise de ', link(`/articles/${a.duplicate_of}`, `l'article ${a.duplicate_of}`)] : null,
        d.url ? [' · ', h('a', { href: d.url, rel: 'noopener noreferrer nofollow', class: 'external' }, 'page d’origine')] : null),
      h('p', { class: 'legend' }, h('span', { class: 'ent ent-PER' }, 'personne'), ' ', h('span', { class: 'ent ent-ORG' }, 'organisation'), ' ',
        h('span', { class: 'ent ent-LOC' }, 'lieu'), ' ', h('span', { class: 'ent ent-MISC' }, 'divers'), ' ', h('mark', { class: 'quote' }, 'citation')),
      renderBody(d.text, d.body, d.entities, d.quotes),
      d.removed.length ? h('section', { class: 'removed-section' }, toggleRemoved, removed) : null,
      h('section', { 'aria-labelledby': 'comments' }, h('h2', { id: 'comments' }, `Commentaires (${d.comments.length})`),
        d.comments.length ? [
          toxicCount ? h('p', {}, hideToxic, ' ', h('label', { for: 'hide-toxic' }, `Masquer les ${plural(toxicCount, 'commentaire toxique', 'commentaires toxiques')}`)) : null,
          thread] : h('p', {}, 'Aucun commentaire.')),
    ],
  };
}

// Comments nested under the one they reply to (parents come first in page order).
function commentTree(comments: DocComment[]): HTMLElement {
  const root = h('ul', { class: 'comments' });
  const children = new Map<number, HTMLElement>();
  for (const c of comments) {
    const toxic = c.moderation?.toxic === true;
    const text = h('p', { class: 'comment-text' });
    const index = new ByteIndex(c.text);
    for (const n of renderRange(c.text, 0, c.text.length, toSpans(index, c.entities ?? []))) text.appendChild(n);
    const replies = h('ul', { class: 'comments' });
    const item = h('li', { class: toxic ? 'comment toxic' : 'comment', id: `comment-${c.id}` },
      h('article', {},
        h('p', { class: 'comment-meta' }, h('strong', {}, c.author ?? 'Anonyme'), ` · ${frDate(c.date)}`,
          toxic ? h('span', { class: 'tag tag-toxic' }, ` toxique (${Math.round((c.moderation?.score ?? 0) * 100)} %)`) : null),
        toxic ? h('p', { class: 'toxic-placeholder' }, 'Commentaire masqué (toxique).') : null,
        text),
      replies);
    children.set(c.id, replies);
    const parent = c.parent !== null ? children.get(c.parent) : undefined;
    (parent ?? root).appendChild(item);
  }
  return root;
}

export async function statsPage(): Promise<Page> {
  const st = await getJson<Stats>('/api/stats');
  const rows: [string, string][] = [
    ['Pages reçues', frNumber(st.pages)], ['Articles', frNumber(st.articles)], ['Versions', frNumber(st.versions)],
    ['Reprises (quasi-doublons)', frNumber(st.duplicates)], ['Sujets', frNumber(st.stories)], ['Fils', frNumber(st.threads)],
    ['Entités', frNumber(st.entities)], ['Commentaires', frNumber(st.comments)],
    ['Commentaires toxiques', `${frNumber(st.toxic_comments)} (${percent(st.comments ? st.toxic_comments / st.comments : null)})`],
    ['Sites', frNumber(st.sites)], ['Premier article', frDate(st.first)], ['Dernier article', frDate(st.last)],
  ];
  return {
    title: 'Statistiques',
    content: [
      h('h1', { tabindex: -1 }, 'Statistiques du corpus'),
      h('table', { class: 'table stats' }, h('tbody', {}, ...rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', { class: 'num' }, v))))),
    ],
  };
}

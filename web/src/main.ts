// Client-side routing with the History API: internal links are real <a href> that we intercept;
// `veille serve` answers index.html for these paths so that reloads and shared links work.
import './style.css';
import { ApiError } from './api';
import { append, clear, h, link } from './dom';
import type { Page } from './pages';
import { articlePage, entitiesPage, entityPage, homePage, searchPage, statsPage, storiesPage, storyPage } from './pages';

const main = document.getElementById('contenu') as HTMLElement;

function route(url: URL): Promise<Page> | null {
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const p = url.searchParams;
  if (parts.length === 0) return homePage();
  const [section, id] = parts;
  if (parts.length === 1) {
    if (section === 'recherche') return searchPage(p);
    if (section === 'sujets') return storiesPage(p);
    if (section === 'entites') return entitiesPage(p);
    if (section === 'statistiques') return statsPage();
  }
  if (parts.length === 2 && id) {
    if (section === 'sujets') return storyPage(id);
    if (section === 'entites') return entityPage(id);
    if (section === 'articles') return articlePage(id);
  }
  return null;
}

let generation = 0;

async function render(focus: boolean): Promise<void> {
  const mine = ++generation;
  const url = new URL(window.location.href);
  main.setAttribute('aria-busy', 'true');
  let page: Page;
  try {
    const pending = route(url);
    page = pending ? await pending : { title: 'Page introuvable', content: [h('h1', { tabindex: -1 }, 'Page introuvable'), h('p', {}, link('/', "Retour à l'accueil"))] };
  } catch (err) {
    const notFound = err instanceof ApiError && err.status === 404;
    const message = err instanceof ApiError ? err.message : 'Le serveur ne répond pas.';
    page = {
      title: notFound ? 'Introuvable' : 'Erreur',
      content: [h('h1', { tabindex: -1 }, notFound ? 'Introuvable' : 'Erreur'), h('p', { class: 'error', role: 'alert' }, message), h('p', {}, link('/', "Retour à l'accueil"))],
    };
  }
  if (mine !== generation) return;  // a later navigation won
  clear(main);
  append(main, page.content);
  main.removeAttribute('aria-busy');
  document.title = `${page.title} — veille`;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.site-header nav a')) {
    const current = url.pathname === a.pathname || url.pathname.startsWith(`${a.pathname}/`);
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (focus) {
    // Move focus to the new page's heading so that keyboard and screen-reader users start there.
    const h1 = main.querySelector<HTMLElement>('h1');
    (h1 ?? main).focus();
    window.scrollTo(0, 0);
  }
}

function navigate(href: string): void {
  history.pushState(null, '', href);
  void render(true);
}

document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  if (a.classList.contains('skip-link')) {
    // Focus the content itself: browsers differ on whether following "#contenu" moves focus.
    e.preventDefault();
    main.focus();
    return;
  }
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;  // in-page anchor
  e.preventDefault();
  navigate(url.pathname + url.search);
});

document.addEventListener('submit', (e) => {
  const form = e.target as HTMLFormElement;
  if (form.method.toLowerCase() !== 'get') return;
  const action = new URL(form.action, window.location.href);
  if (action.origin !== window.location.origin) return;
  e.preventDefault();
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v !== '') params.set(k, v);
  navigate(`${action.pathname}?${params.toString()}`);
});

window.addEventListener('popstate', () => void render(true));
void render(false);

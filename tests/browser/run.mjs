// End-to-end tests of the web UI in a real browser: Debian's chromium, headless, driven by
// playwright-core against a running `veille serve`.
// Usage: node tests/browser/run.mjs <base URL> <screenshot dir>
// Checks: search (keyboard, highlighted snippets, a facet filter), a story (sources, timeline
// chart), an entity (mentions chart), an article (entity highlights match the API's byte spans,
// removed blocks on demand, nested comments, toxic ones hidden), phone width, skip link, and that
// the pages make no request outside the server and raise no console error (CSP included).
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'web', 'package.json'));
const { chromium } = require('playwright-core');

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: run.mjs <base URL> <screenshot dir>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

let failed = 0, passed = 0;
function check(what, cond, detail = '') {
  if (cond) { passed++; console.log(`ok: ${what}`); }
  else { failed++; console.log(`FAIL: ${what}${detail ? ` (${detail})` : ''}`); }
}
async function api(p) {
  const r = await fetch(base + p);
  return r.json();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
const external = [];
async function newPage(viewport) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url()); });
  page.setDefaultTimeout(15000);
  return page;
}
const shot = (page, name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

try {
  const page = await newPage({ width: 1280, height: 900 });

  // Home, then the skip link with the keyboard.
  await page.goto(base + '/');
  await page.waitForSelector('h1');
  check('home: heading', (await page.textContent('h1')) === 'Veille médiatique');
  await page.keyboard.press('Tab');
  check('keyboard: first Tab reaches the skip link', await page.evaluate(() => document.activeElement?.classList.contains('skip-link')));
  await page.keyboard.press('Enter');
  check('keyboard: the skip link moves focus to the content',
    await page.waitForFunction(() => document.activeElement?.id === 'contenu', null, { timeout: 3000 }).then(() => true, () => false));
  await shot(page, 'home');

  // Search typed and submitted with the keyboard.
  await page.focus('#q');
  await page.keyboard.type('Aulne');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.hits .hit');
  check('search: URL carries the query', page.url().includes('/recherche?q=Aulne'));
  const marks = await page.$$eval('.hit .snippet mark', (els) => els.map((e) => e.textContent));
  check('search: snippets highlight the word', marks.length > 0 && marks.every((m) => /aulne/i.test(m ?? '')), marks.join('|'));
  check('search: entity, site and date facets', (await page.$$('.facet')).length === 3);
  await shot(page, 'search');
  const siteLink = page.locator('.facet', { hasText: 'Sites' }).locator('a').first();
  const siteName = (await siteLink.textContent())?.trim();
  await siteLink.click();
  await page.waitForSelector('.active-filters');
  const sites = await page.$$eval('.hit .meta', (els) => els.map((e) => e.textContent ?? ''));
  check('search: the site facet filters the hits', sites.length > 0 && sites.every((s) => s.startsWith(siteName ?? '?')), `${siteName}: ${sites.join('|')}`);

  // A story: from the list, by clicking.
  await page.click('.site-header a[href="/sujets"]');
  await page.waitForSelector('.cards .card a');
  const storyTitle = (await page.textContent('.cards .card h3 a'))?.trim();
  await page.click('.cards .card h3 a');
  await page.waitForSelector('#sources');
  check('story: heading is the story title', (await page.textContent('h1'))?.trim() === storyTitle);
  check('story: focus moved to the heading', await page.evaluate(() => document.activeElement?.tagName === 'H1'));
  check('story: sources listed', (await page.$$('.sources > li')).length > 0);
  const storyId = page.url().split('/').pop();
  const story = await api(`/api/stories/${storyId}`);
  if (story.timeline.length) {
    const dots = await page.$$('svg.timeline circle');
    check('story: timeline chart drawn', dots.length > 0 && (await page.$$('.timeline-list li')).length > 0);
  }
  check('story: quotes grouped by speaker', story.quotes.length === 0 || (await page.$$('.speaker')).length > 0);
  await shot(page, 'story');

  // An entity, from the story's chips.
  const chip = page.locator('main .chips a').first();
  const entityName = (await chip.textContent())?.replace(/\s*\(\d+\)$/, '');
  await chip.click();
  await page.waitForSelector('#mentions');
  check('entity: heading is the entity', (await page.textContent('h1'))?.trim() === entityName, entityName);
  check('entity: mentions chart has bars', (await page.$$('svg.chart rect.chart-bar')).length > 0);
  await shot(page, 'entity');

  // An article with comments: every entity link shows exactly the API's surface for its span.
  const stats = await api('/api/stats');
  let article = null;
  for (let id = 1; id <= stats.articles + stats.duplicates + 5 && !article; id++) {
    const a = await api(`/api/articles/${id}`);
    if (a.document && a.document.comments.length > 1 && a.document.comments.some((c) => c.parent !== null)) article = a;
  }
  check('fixture: an article with nested comments exists', article !== null);
  if (article) {
    await page.goto(`${base}/articles/${article.id}`);
    await page.waitForSelector('.article-text');
    const shown = await page.$$eval('.article-text a.ent', (els) => els.map((e) => e.textContent));
    const expected = (article.document.entities ?? []).map((e) => e.text);
    // Entities inside a quote stay whole; the rendered links are the API's surfaces in order.
    check('article: entity highlights match the byte spans', shown.length > 0 && shown.join('|') === expected.join('|'),
      `${shown.slice(0, 5).join('|')} vs ${expected.slice(0, 5).join('|')}`);
    if ((article.document.quotes ?? []).length)
      check('article: quotations highlighted', (await page.$$('.article-text mark.quote')).length > 0);
    const nested = await page.$$('.comments .comments > li.comment');
    check('article: replies nested under their parent', nested.length > 0);
    check('article: every comment shown', (await page.$$('li.comment')).length === article.document.comments.length);
    if (article.document.removed.length) {
      check('article: removed blocks hidden at first', await page.isHidden('#removed-blocks'));
      await page.click('.removed-section button');
      check('article: removed blocks shown on demand', await page.isVisible('#removed-blocks'));
    }
    await shot(page, 'article');
  }
  const toxic = [];
  for (let id = 1; id <= stats.articles + stats.duplicates + 5 && toxic.length === 0; id++) {
    const a = await api(`/api/articles/${id}`);
    if (a.document?.comments.some((c) => c.moderation?.toxic)) toxic.push(a);
  }
  if (toxic.length) {
    const a = toxic[0];
    await page.goto(`${base}/articles/${a.id}`);
    await page.waitForSelector('li.comment.toxic');
    check('comments: toxic text hidden by default', await page.isHidden('li.comment.toxic > article > .comment-text'));
    await page.click('#hide-toxic');
    check('comments: toxic text shown when asked', await page.isVisible('li.comment.toxic > article > .comment-text'));
    await shot(page, 'comments-toxic');
  }

  // Statistics and a missing page.
  await page.goto(base + '/statistiques');
  await page.waitForSelector('table.stats');
  check('statistics: table', (await page.$$('table.stats tr')).length >= 10);

  // Phone width: the story page has no horizontal scroll.
  const phone = await newPage({ width: 390, height: 844 });
  await phone.goto(`${base}/sujets/${storyId}`);
  await phone.waitForSelector('#sources');
  check('phone: no horizontal scroll', await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  await shot(phone, 'story-phone');
  await phone.goto(`${base}/recherche?q=Aulne`);
  await phone.waitForSelector('.hits .hit');
  check('phone: search has no horizontal scroll', await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  await shot(phone, 'search-phone');

  check('no console errors or CSP violations', problems.length === 0, problems.slice(0, 3).join(' | '));
  check('no request outside the server', external.length === 0, external.slice(0, 3).join(' '));

  // Last, as the browser logs the API's 404 as a console error.
  await page.goto(base + '/sujets/999999');
  await page.waitForSelector('h1');
  check('missing story: French not-found page', (await page.textContent('h1')) === 'Introuvable');
} catch (e) {
  failed++;
  console.log(`FAIL: ${e instanceof Error ? e.message : e}`);
} finally {
  await browser.close();
}
console.log(`browser: ${passed} passed, ${failed} failed; screenshots in ${shots}`);
process.exit(failed ? 1 : 0);

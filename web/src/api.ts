// The read-side JSON of the veille API (README "HTTP API"), typed, and one fetch helper.

export interface SnippetSegment { text: string; hit: boolean }
export interface SearchHit {
  article: number; title: string | null; url: string | null; site: string | null;
  published: string | null; story: number | null; score: number; snippet: SnippetSegment[];
}
export interface EntityFacet { id: string; name: string; type: string; count: number }
export interface SearchResult {
  query: string; total: number; offset: number; limit: number; hits: SearchHit[];
  facets: { entities: EntityFacet[]; sites: { site: string; count: number }[]; days: { day: string; count: number }[] };
}
export interface EntityCount { id: string; name: string; type: string; mentions: number }
export interface StoryListItem {
  id: number; thread: number | null; title: string; first: string | null; last: string | null;
  articles: number; sites: string[]; entities: EntityCount[]; toxic_share: number | null;
}
export interface StoryList { total: number; stories: StoryListItem[] }
export interface ThreadList { threads: { id: number; title: string; stories: number[]; first: string | null; last: string | null }[] }
export interface ArticleRef { article: number; title?: string | null; site: string | null; url: string | null; published: string | null; story?: number | null }
export interface StoryDetail {
  id: number; thread: number | null; title: string; first: string | null; last: string | null;
  sources: (ArticleRef & { duplicates: ArticleRef[] })[];
  entities: EntityCount[];
  summary: { text: string; article: number }[];
  quotes: { speaker: string | null; speaker_entity: string | null; text: string; kind: string; article: number }[];
  timeline: { value: string; text: string; article: number }[];
  comments: { count: number; toxic: number; toxic_share: number | null };
  related: { id: number; title: string }[];
}
export interface EntityList { total: number; entities: { id: string; name: string; type: string; mentions: number; articles: number }[] }
export interface EntityDetail {
  id: string; name: string; type: string; surfaces: string[]; mentions: number; articles: number;
  timeline: { day: string; count: number }[];
  quotes: { text: string; kind: string; article: number; story: number | null }[];
  cooccurring: { id: string; name: string; type: string; count: number }[];
  recent: ArticleRef[];
}
export interface EntitySpan { begin: number; end: number; text: string; type: string; entity: string; id: string }
export interface QuoteSpan { begin: number; end: number; text: string; kind: string; speaker: string | null; speaker_entity: string | null }
export interface Moderation { toxic: boolean; score: number; terms: { text: string; normalized: string; category: string }[] }
export interface DocComment {
  id: number; parent: number | null; author: string | null; date: string | null; text: string;
  entities?: EntitySpan[]; moderation?: Moderation;
}
export interface ArticleDocument {
  id: string; source: string; url: string | null; title: string | null; published: string | null;
  authors: string[]; site: string | null; lang: string;
  body: { kind: string; text: string }[]; text: string;
  comments: DocComment[]; removed: { kind: string; text: string }[];
  entities?: EntitySpan[]; quotes?: QuoteSpan[];
}
export interface ArticleDetail {
  id: number; story: number | null; duplicate_of: number | null; duplicates: number[]; versions: number;
  document: ArticleDocument;
}
export interface Stats {
  pages: number; articles: number; versions: number; duplicates: number; stories: number; threads: number;
  entities: number; comments: number; toxic_comments: number; sites: number; first: string | null; last: string | null;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const url = qs.toString() ? `${path}?${qs.toString()}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body: unknown = null;
  try { body = await res.json(); } catch { /* not JSON: reported below */ }
  if (!res.ok) {
    const msg = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : res.statusText;
    throw new ApiError(res.status, msg);
  }
  return body as T;
}

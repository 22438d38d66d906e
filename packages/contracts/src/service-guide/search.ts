import type { ServiceMatter } from './types';

/** Letters and digits of a text, lower case, without spaces or punctuation. */
export function normaliseQuery(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = Array.from(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** Score below which a matter is not shown. */
export const GUIDE_MIN_SCORE = 30;

/**
 * How well `matter` answers the query (0 = not at all). Titles count most, then other names and
 * how residents say it; otherwise the overlap of two-character pieces between the query and the
 * matter's words (so 身份证掉了 still finds 身份证挂失, and a whole sentence finds its phrasing).
 */
export function scoreMatter(matter: Pick<ServiceMatter, 'title' | 'synonyms' | 'phrases' | 'category'>, query: string): number {
  const q = normaliseQuery(query);
  if (!q) return 0;
  const title = normaliseQuery(matter.title);
  const names = [...matter.synonyms, ...matter.phrases].map(normaliseQuery).filter(Boolean);
  if (title === q) return 100;
  if (names.includes(q)) return 90;
  const qLen = Array.from(q).length;
  if (qLen >= 2 && title.includes(q)) return 75;
  if (names.some((n) => qLen >= 2 && n.includes(q))) return 65;
  if (q.includes(title) || names.some((n) => Array.from(n).length >= 2 && q.includes(n))) return 60;
  const qGrams = bigrams(q);
  if (!qGrams.size) return 0;
  const words = [title, ...names, normaliseQuery(matter.category)];
  const queryCovered = [...qGrams].filter((g) => words.some((w) => w.includes(g))).length / qGrams.size;
  // A long sentence around a known phrasing: most of one name's pieces appear in the query.
  const nameCovered = Math.max(
    0,
    ...[title, ...names].map((w) => {
      const grams = [...bigrams(w)];
      return grams.length >= 2 ? grams.filter((g) => qGrams.has(g)).length / grams.length : 0;
    }),
  );
  return Math.round(Math.max(queryCovered, nameCovered * 0.9) * 55);
}

/** Ranked matters for a query (best first, ties in catalogue order); an empty query gives the common ones. */
export function searchMatters<T extends ServiceMatter>(matters: readonly T[], query: string, limit = 10): T[] {
  if (!normaliseQuery(query)) return matters.filter((m) => m.common).slice(0, limit);
  return matters
    .map((m, index) => ({ m, index, score: scoreMatter(m, query) }))
    .filter((x) => x.score >= GUIDE_MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((x) => x.m);
}

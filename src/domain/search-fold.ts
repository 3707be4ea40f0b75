/**
 * Search as people type: most people write Vietnamese without marks ("tinh dau hoi") or in
 * capitals, so stored text and queries are both folded to plain lowercase letters before they
 * are compared. The database folds with `translate(text, FOLD_FROM, FOLD_TO)` (src/db/search-text.ts),
 * built from the same two strings as `foldForSearch`, so both sides always agree. translate() is
 * used rather than lower() or unaccent: lower() leaves non-ASCII letters alone under the C
 * collation, and PGlite and managed PostgreSQL may lack the unaccent extension.
 */

/** Each base vowel and the Vietnamese letters built on it (ă, â; ê; ô, ơ; ư). */
const VOWELS: Record<string, string> = { a: 'aăâ', e: 'eê', i: 'i', o: 'oôơ', u: 'uư', y: 'y' };
/** No tone, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/**
 * The marks of decomposed (NFD) text, which some keyboards and copied PDFs produce: the five
 * tones, circumflex, breve and horn. They are deleted, so "tính" typed as t+i+U+0301 still folds.
 */
const COMBINING_MARKS = '\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B';

function foldPairs(): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [base, letters] of Object.entries(VOWELS)) {
    for (const letter of letters) {
      for (const tone of TONES) {
        const lower = (letter + tone).normalize('NFC');
        if (lower !== base) pairs.push([lower, base]);
        pairs.push([lower.toUpperCase(), base]);
      }
    }
  }
  pairs.push(['đ', 'd'], ['Đ', 'd']);
  for (let code = 65; code <= 90; code++) {
    if (!'AEIOUY'.includes(String.fromCharCode(code)))
      pairs.push([String.fromCharCode(code), String.fromCharCode(code + 32)]);
  }
  return pairs;
}

const PAIRS = foldPairs();
/** Letters translate() replaces, then the combining marks it deletes (they have no partner in FOLD_TO). */
export const FOLD_FROM = PAIRS.map(([from]) => from).join('') + COMBINING_MARKS;
/** What each letter of FOLD_FROM becomes, position by position. */
export const FOLD_TO = PAIRS.map(([, to]) => to).join('');

const FOLD = new Map<string, string>([...PAIRS, ...[...COMBINING_MARKS].map((mark): [string, string] => [mark, ''])]);

/** Text as the search compares it: Vietnamese marks removed, đ as d, lowercase. Other characters stay. */
export function foldForSearch(text: string): string {
  let folded = '';
  for (const ch of text) folded += FOLD.get(ch) ?? ch;
  return folded;
}

/** At most this many words of a query count; a longer query narrows nothing a person would notice. */
export const MAX_SEARCH_TERMS = 8;

/**
 * The words of a query, folded, each of which a record must contain: "Tinh  dầu, HỒI" is
 * ["tinh", "dau", "hoi"]. Spaces and list punctuation separate words; the characters of codes
 * (- . / _) do not, so a lot "HVQ-2610" stays one word.
 */
export function searchTerms(query: string): string[] {
  const words = foldForSearch(query)
    .split(/[\s,;:()"'“”]+/u)
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

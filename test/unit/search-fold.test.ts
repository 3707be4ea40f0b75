import { describe, expect, it } from 'vitest';
import { likeContaining } from '../../src/db/search-text';
import { FOLD_FROM, FOLD_TO, foldForSearch, MAX_SEARCH_TERMS, searchTerms } from '../../src/domain/search-fold';

/**
 * Every Vietnamese vowel with every tone, written out by hand (not generated as the fold is):
 * no tone, huyền, sắc, hỏi, ngã, nặng.
 */
const VOWELS_BY_BASE: Record<string, string> = {
  a: 'aàáảãạ ăằắẳẵặ âầấẩẫậ',
  e: 'eèéẻẽẹ êềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọ ôồốổỗộ ơờớởỡợ',
  u: 'uùúủũụ ưừứửữự',
  y: 'yỳýỷỹỵ',
};

describe('foldForSearch', () => {
  for (const [base, letters] of Object.entries(VOWELS_BY_BASE)) {
    const all = letters.replaceAll(' ', '');
    it(`folds all ${all.length} forms of ${base}, lowercase and capital, to "${base}"`, () => {
      expect(all.length % 6).toBe(0);
      for (const letter of all) {
        expect(foldForSearch(letter), letter).toBe(base);
        expect(foldForSearch(letter.toUpperCase()), letter.toUpperCase()).toBe(base);
      }
    });
  }

  it('folds đ and Đ to d, and capitals to lowercase', () => {
    expect(foldForSearch('đĐ')).toBe('dd');
    expect(foldForSearch('ĐẶC SẢN ĐỒNG THÁP')).toBe('dac san dong thap');
    expect(foldForSearch('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe('abcdefghijklmnopqrstuvwxyz');
  });

  it('reads the way people type: "tinh dau hoi" and "DAU" meet "Tinh dầu hồi"', () => {
    expect(foldForSearch('Tinh dầu hồi Văn Quan')).toBe('tinh dau hoi van quan');
    expect(foldForSearch('Tinh dầu hồi')).toContain(foldForSearch('tinh dau hoi'));
    expect(foldForSearch('dầu')).toBe(foldForSearch('DAU'));
    expect(foldForSearch('Nước mắm cá cơm Cát Hải')).toBe('nuoc mam ca com cat hai');
  });

  it('folds decomposed text (combining marks, as some keyboards and PDFs write it) like composed text', () => {
    const composed = 'Rượu men lá Hữu Lễ, Mật ong bạc hà Mèo Vạc, Đặng';
    expect(foldForSearch(composed.normalize('NFD'))).toBe(foldForSearch(composed));
    expect(foldForSearch('ti\u0301nh')).toBe('tinh');
  });

  it('leaves digits, punctuation and other scripts as they are', () => {
    expect(foldForSearch('OCOP-LS-2025/0142 8936048123451 %_\\')).toBe('ocop-ls-2025/0142 8936048123451 %_\\');
    expect(foldForSearch('中文 ß €')).toBe('中文 ß €');
  });

  it('pairs every letter translate() replaces with one letter, then lists only the marks it deletes', () => {
    const from = [...FOLD_FROM];
    const to = [...FOLD_TO];
    const marks = from.slice(to.length);
    expect(marks.length).toBe(8);
    for (const mark of marks) expect(mark).toMatch(/\p{M}/u);
    expect(new Set(from).size).toBe(from.length);
    for (const [i, letter] of to.entries()) expect(foldForSearch(from[i]!)).toBe(letter);
    expect(FOLD_FROM).not.toContain("'");
  });
});

describe('searchTerms', () => {
  it('splits a query into folded words, once each, in any spacing', () => {
    expect(searchTerms('  Tinh  dầu,  HỒI; tinh ')).toEqual(['tinh', 'dau', 'hoi']);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(' , ; ')).toEqual([]);
  });

  it('keeps codes whole', () => {
    expect(searchTerms('HVQ-2610 OCOP-LS-2025/0142 VN_1.2')).toEqual(['hvq-2610', 'ocop-ls-2025/0142', 'vn_1.2']);
  });

  it(`counts at most ${MAX_SEARCH_TERMS} words`, () => {
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(MAX_SEARCH_TERMS);
  });
});

describe('likeContaining', () => {
  it('makes LIKE wildcards in a word literal', () => {
    expect(likeContaining('dau')).toBe('%dau%');
    expect(likeContaining('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

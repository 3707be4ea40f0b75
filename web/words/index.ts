import type { Lang } from '../i18n';
import { en } from './en';
import type { Words } from './types';
import { vi } from './vi';

export const WORDS: Record<Lang, Words> = { vi, en };

/** A code in words; a code the vocabulary does not know (older data) is shown as it is. */
export function inWords(table: Readonly<Record<string, string>>, code: string): string {
  return table[code] ?? code;
}

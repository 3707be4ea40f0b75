/** The page's language, as the server rendered it, and the words and formats that go with it. */
import type { VerdictStatus } from '../../../src/domain/verdict';
import { STATUS_TEXT, type Lang } from '../../i18n';
import { INTAKE_TEXT } from '../../intake-text';

export const lang: Lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
export const t = INTAKE_TEXT[lang];
export const statusTitle = (status: VerdictStatus) => STATUS_TEXT[lang][status].title;
export const localTime = (iso: string) => new Date(iso).toLocaleString(t.locale, { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

/** The page's language, as the server rendered it, and the words and formats that go with it. */
import type { VerdictStatus } from '../../../src/domain/verdict';
import { STATUS_TEXT, type Lang } from '../../i18n';
import { INTAKE_TEXT } from '../../intake-text';
import { vietnamTime } from '../../format';

export const lang: Lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
export const t = INTAKE_TEXT[lang];
export const statusTitle = (status: VerdictStatus) => STATUS_TEXT[lang][status].title;
/** Vietnam time whatever the device's zone: a receipt reads the same on the clerk's phone and on the console. */
export const localTime = (iso: string) => vietnamTime(new Date(iso));

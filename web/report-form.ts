import { PROVINCES } from '../src/data/provinces';
import { vietnamTime } from './format';
import { html, type Html } from './view';
import type { Lang } from './i18n';
import { WORDS } from './words';

const TEXT = {
  vi: {
    summary: 'Báo cáo nghi vấn',
    intro: 'Thấy điều bất thường? Báo cho cơ quan chức năng của tỉnh. Chỉ cần mô tả; thông tin liên hệ không bắt buộc.',
    problem: 'Vấn đề',
    details: 'Mô tả',
    place: 'Nơi mua (không bắt buộc)',
    province: 'Tỉnh, thành nơi mua (không bắt buộc)',
    contact: 'Điện thoại hoặc email (không bắt buộc)',
    contactHint: 'Chỉ dùng để cơ quan chức năng trả lời bạn.',
    send: 'Gửi báo cáo',
    limited: (wait: string, at: string) =>
      `Bạn vừa gửi nhiều báo cáo liên tiếp, nên báo cáo này chưa được gửi. Nội dung bạn viết vẫn còn dưới đây: hãy bấm “Gửi báo cáo” lại sau ${wait} (từ ${at}).`,
    seconds: (n: number) => `${n} giây`,
    minutes: (n: number) => `${n} phút`,
  },
  en: {
    summary: 'Report a problem',
    intro: 'Something wrong? Tell the provincial authorities. A description is enough; contact details are optional.',
    problem: 'Problem',
    details: 'Description',
    place: 'Where you bought it (optional)',
    province: 'Province where you bought it (optional)',
    contact: 'Phone or e-mail (optional)',
    contactHint: 'Only used to answer you.',
    send: 'Send report',
    limited: (wait: string, at: string) =>
      `You have sent several reports in a row, so this one was not sent yet. What you wrote is kept below: press “Send report” again in ${wait} (from ${at}, Vietnam time).`,
    seconds: (n: number) => `${n} second${n === 1 ? '' : 's'}`,
    minutes: (n: number) => `${n} minute${n === 1 ? '' : 's'}`,
  },
} as const;

/** `notice`: why the form came back as a whole (sent too often), above its fields. */
export type ReportFormState = { values?: Record<string, string>; errors?: Record<string, string>; notice?: string };

/** "Send again in 2 minutes (from 10:35)": when a rate-limited report can be sent, in the page's language. */
export function retryNotice(lang: Lang, seconds: number, now: Date): string {
  const t = TEXT[lang];
  const wait = seconds < 60 ? t.seconds(seconds) : t.minutes(Math.ceil(seconds / 60));
  return t.limited(wait, vietnamTime(new Date(now.getTime() + seconds * 1000)).slice(11));
}

/**
 * "Báo cáo nghi vấn": a plain form (no script) under the verdict. Open by default when the
 * verdict tells the buyer not to trust the pack. A code we cannot place asks for the province.
 */
export function reportForm(
  code: string,
  lang: Lang,
  options: { open: boolean; askProvince: boolean } & ReportFormState,
): Html {
  const t = TEXT[lang];
  const v = options.values ?? {};
  const e = options.errors ?? {};
  const err = (name: string) =>
    e[name] ? html`<span class="err" id="r-${name}-err" role="alert">${e[name]}</span>` : '';
  const aria = (name: string) => (e[name] ? html` aria-invalid="true" aria-describedby="r-${name}-err"` : '');
  return html`<details class="card" id="report"${options.open ? html` open` : ''}><summary><h2>${t.summary}</h2></summary><p>${t.intro}</p>
<form method="post" action="/S/${code}/report?lang=${lang}">${options.notice ? html`<p class="err" role="alert" id="r-notice">${options.notice}</p>` : ''}<label for="r-problem">${t.problem}</label>
<select id="r-problem" name="problem"${aria('problem')}>${Object.entries(WORDS[lang].problems).map(([p, words]) => html`<option value="${p}"${v.problem === p ? html` selected` : ''}>${words}</option>`)}</select>${err('problem')}
<label for="r-details">${t.details}</label><textarea id="r-details" name="details" rows="3" required minlength="5" maxlength="2000"${aria('details')}>${v.details ?? ''}</textarea>${err('details')}
<label for="r-place">${t.place}</label><input id="r-place" name="placeOfPurchase" maxlength="200" value="${v.placeOfPurchase ?? ''}">
${
  options.askProvince
    ? html`<label for="r-province">${t.province}</label><select id="r-province" name="purchaseProvinceCode"><option value="">—</option>${Object.entries(
        PROVINCES,
      ).map(
        ([code, name]) =>
          html`<option value="${code}"${v.purchaseProvinceCode === code ? html` selected` : ''}>${name[lang]}</option>`,
      )}</select>`
    : ''
}
<label for="r-contact">${t.contact}</label><input id="r-contact" name="contact" maxlength="120" autocomplete="tel" aria-describedby="r-contact-hint" value="${v.contact ?? ''}">
<small id="r-contact-hint">${t.contactHint}</small>${err('contact')}
<button type="submit">${t.send}</button></form></details>`;
}

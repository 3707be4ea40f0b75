import { html, raw, type Html } from './view';
import type { Lang } from './i18n';
import { LABELS } from './i18n';
import { VERIFY_PAGE_CSS } from './verify-page-css';

const TEXT = {
  vi: {
    reference: 'Mã số báo cáo',
    keep: 'Hãy ghi lại hoặc chụp màn hình mã số này: khi liên hệ cơ quan chức năng, đọc mã số để họ tìm đúng báo cáo của bạn.',
    next: 'Tiếp theo',
    nextWithContact: 'Cơ quan kiểm tra của tỉnh sẽ xem xét và có thể liên hệ với bạn theo thông tin bạn để lại.',
    nextWithout: 'Cơ quan kiểm tra của tỉnh sẽ xem xét. Bạn không để lại liên hệ, nên họ sẽ không trả lời trực tiếp.',
    home: 'Kiểm tra mã tem khác',
  },
  en: {
    reference: 'Report number',
    keep: 'Write this number down or take a screenshot: quote it when you contact the authorities so they find your report.',
    next: 'What happens next',
    nextWithContact: 'The provincial inspectors will look into it and may contact you with the details you left.',
    nextWithout:
      'The provincial inspectors will look into it. You left no contact details, so they will not answer you directly.',
    home: 'Check another stamp',
  },
} as const;

const CSS =
  '.ref{font:700 1.6rem/1.2 ui-monospace,"SF Mono",Menlo,Consolas,monospace;letter-spacing:.08em;margin:.2rem 0 .6rem}';

/** The answer to a sent report: a page in the reader's language with the number to quote, never JSON. */
export function reportReceivedPage(p: { lang: Lang; code: string; reference: string; leftContact: boolean }): Html {
  const t = TEXT[p.lang];
  const l = LABELS[p.lang];
  const back = `/S/${encodeURIComponent(p.code)}?lang=${p.lang}`;
  // raw: both style sheets are constants of this repository.
  return html`<!doctype html><html lang="${p.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${l.reportThanks} · OCOP</title><style>${raw(VERIFY_PAGE_CSS)}${raw(CSS)}</style></head><body>
<header class="top"><span>${l.heading}</span></header>
<main><section class="banner ok" role="status" aria-live="polite"><span class="icon" aria-hidden="true">✓</span>
<div><h1>${l.reportThanks}</h1><p>${l.reportSent}</p></div></section>
<section class="card" aria-labelledby="ref-h"><h2 id="ref-h">${t.reference}</h2><p class="ref" data-reference>${p.reference}</p><p>${t.keep}</p></section>
<section class="card" aria-labelledby="next-h"><h2 id="next-h">${t.next}</h2><p>${p.leftContact ? t.nextWithContact : t.nextWithout}</p></section>
<p><a href="${back}">${l.back}</a> · <a href="/${p.lang === 'en' ? '?lang=en' : ''}">${t.home}</a></p></main>
<footer>${l.footer}</footer></body></html>`;
}

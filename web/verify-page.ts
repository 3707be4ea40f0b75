import { formatVietnameseDate } from '../src/domain/calendar';
import { statusTone } from '../src/domain/verdict';
import { PROVINCES } from '../src/data/provinces';
import type { CopySignal } from '../src/domain/copy-detection';
import type { Verdict } from '../src/services/verification/verdict-types';
import { vietnamTime } from './format';
import { html, raw, type Html } from './view';
import { explainSignal, LABELS, STATUS_TEXT, type Lang } from './i18n';
import { reportForm, type ReportFormState } from './report-form';
import { VERIFY_PAGE_CSS } from './verify-page-css';
import { inWords, WORDS } from './words';

const ICON = { ok: '✓', warning: '!', danger: '✕' } as const;

/**
 * The page a consumer sees after scanning. Server-rendered, no script, CSS inline: the whole
 * first view fits TCP's initial window. Every status has a distinct colour, icon and words.
 */
export function renderVerifyPage(verdict: Verdict, lang: Lang, selfPath: string, report: ReportFormState = {}): Html {
  const t = LABELS[lang];
  // Signature-only (database unreachable): never the words of a valid certificate, only what was checked.
  const text = !verdict.live && verdict.status === 'valid' ? t.signatureOnly : STATUS_TEXT[lang][verdict.status];
  // A copy of a genuine stamp verifies as genuine: when the copy rules fire, no green tick.
  const suspicious = verdict.scans?.suspicious === true;
  const tone =
    !verdict.live || suspicious
      ? statusTone(verdict.status) === 'danger'
        ? 'danger'
        : 'warning'
      : statusTone(verdict.status);
  const other = `${selfPath}?lang=${t.switchHref}`;
  // raw: the style sheet is a constant of web/verify-page-css.ts, and CSS must not be entity-escaped.
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${text.title} · OCOP</title><style>${raw(VERIFY_PAGE_CSS)}</style></head><body>
<header class="top"><span>${t.heading}</span><a href="${other}" hreflang="${t.switchHref}" lang="${t.switchHref}">${t.switchLang}</a></header>
<main>
<section class="banner ${tone}" role="status" aria-live="polite" data-status="${verdict.status}">
<span class="icon" aria-hidden="true">${ICON[tone]}</span>
<div><h1>${text.title}</h1><p>${text.advice}</p></div>
</section>
${verdict.live ? '' : html`<p class="note">${t.offline}</p>`}
${verdict.subject?.demo ? html`<p class="note demo">${t.demoNote}</p>` : ''}
${suspicious ? copyWarning(verdict.scans!.signals, lang) : ''}
${details(verdict, lang)}
${reportForm(encodeURIComponent(verdict.code), lang, { ...report, open: tone === 'danger' || suspicious || Boolean(report.errors), askProvince: !verdict.subject })}
<p class="serial">${t.serial}: ${verdict.serial ?? '—'}</p>
</main>
<footer>${t.footer}</footer></body></html>`;
}

/** The copy-detection flag, in plain words: what was seen, not just that something was. */
export function copyWarning(signals: CopySignal[], lang: Lang): Html {
  const t = LABELS[lang];
  return html`<div class="note" role="note"><p><strong>${t.suspicious}</strong></p><ul>${signals.map((s) => html`<li>${explainSignal(s, lang)}</li>`)}</ul></div>`;
}

function stars(n: number, label: string): Html {
  return html`<span class="stars" role="img" aria-label="${label}">${'★'.repeat(n)}<span class="dim">${'★'.repeat(5 - n)}</span></span>`;
}

const d = (iso: string | null | undefined) => (iso ? formatVietnameseDate(iso) : '—');

function row(label: string, value: Html | string | null | undefined): Html {
  return value ? html`<dt>${label}</dt><dd>${value}</dd>` : html``;
}

function details(v: Verdict, lang: Lang): Html {
  const t = LABELS[lang];
  if (!v.product || !v.subject || !v.batch || !v.certificate) return html``;
  const { product, subject, batch, certificate } = v;
  const province = PROVINCES[subject.provinceCode]?.[lang] ?? subject.provinceCode;
  const group =
    product.group && (lang === 'en' ? product.group.nameEn : `${product.group.name} · ${product.group.subgroupName}`);
  const change = certificate.statusChange ?? batch.recall;
  return html`
<section class="card" aria-labelledby="p"><h2 id="p">${product.name}</h2>
<p class="rating">OCOP ${stars(product.stars, t.starsOf(product.stars))}</p>
<dl>${row(t.group, group)}${row('GTIN', product.gtin)}</dl></section>
${
  change
    ? html`<section class="card alert" aria-labelledby="c"><h2 id="c">${certificate.statusChange ? t.statusChange : t.recall}</h2><dl>
${row(lang === 'en' ? 'Date' : 'Ngày', d(change.on))}${row(t.reason, change.reason)}${row(t.basis, change.basis)}</dl></section>`
    : ''
}
<section class="card" aria-labelledby="s"><h2 id="s">${t.producer}</h2><dl>
${row(t.name, `${subject.name} (${inWords(WORDS[lang].subjectKinds, subject.kind)})`)}${row(t.address, `${subject.address} — ${province}`)}</dl></section>
<section class="card" aria-labelledby="b"><h2 id="b">${t.batch}</h2><dl>
${row(t.lot, batch.lot)}${row(t.produced, d(batch.productionDate))}${row(t.bestBefore, batch.bestBefore ? d(batch.bestBefore) : null)}
${batch.areas.map((a) =>
  row(
    t.area,
    html`${a.name}${a.officialCode ? html`<br>${t.areaCode}: <b>${a.officialCode}</b>` : ''}${
      a.standards.length
        ? html`<br>${t.standards}: ${a.standards.map((s, i) => html`${i ? ', ' : ''}${s.name} (${t.expires} ${d(s.expiresOn)})`)}`
        : ''
    }${(a.flags ?? []).map(
      (f) => html`<br><b class="err">${t.areaFlag(f.standard, d(f.on))}</b> ${f.reason}`,
    )}<br>${PROVINCES[a.provinceCode]?.[lang] ?? a.provinceCode}`,
  ),
)}</dl></section>
<section class="card" aria-labelledby="g"><h2 id="g">${t.certificate}</h2><dl>
${row(t.number, certificate.number)}${row(t.decision, `${certificate.decisionNumber}, ${d(certificate.decisionDate)}`)}
${row(t.issuer, `${certificate.issuerName} (${inWords(WORDS[lang].levels, certificate.issuerLevel)})`)}
${row(t.validity, `${d(certificate.validFrom)} – ${d(certificate.validUntil)}`)}</dl></section>
${
  v.scans
    ? html`<section class="card" aria-labelledby="q"><h2 id="q">${t.scans}</h2><p>${t.scanCount(v.scans.count)}${
        v.scans.firstAt
          ? html`, ${t.firstScan} ${vietnamTime(new Date(v.scans.firstAt))}${v.scans.firstPlace ? ` (${v.scans.firstPlace})` : ''}`
          : ''
      }</p></section>`
    : ''
}`;
}

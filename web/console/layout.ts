import { PROVINCES } from '../../src/data/provinces';
import type { Action, Actor } from '../../src/services/shared/policy';
import { html, raw, type Html } from '../view';
import type { Lang } from '../i18n';
import { REGISTRY_KINDS } from '../../src/domain/registry-entities';
import { WORDS } from '../words';
import type { ConsoleNavItem, Words } from '../words/types';

/**
 * Who is looking at the page. `may` answers whether their role may ever do an action: the route
 * passes the policy's answer in, so the view holds no policy of its own (services re-check scope).
 */
export type PageUser = { actor: Actor; personName?: string; csrfToken?: string; may?: May };
/** Whether the viewer's role may ever do an action (the route answers it from the policy table). */
export type May = (action: Action) => boolean;

type NavItem = { href: string; label: (words: Words) => string; action: Action | 'own-passkeys' };
const item = (href: string, label: ConsoleNavItem, action: NavItem['action']): NavItem => ({
  href,
  label: (words) => words.console.nav[label],
  action,
});

/** The menu: the registry's lists (one an entity of the registry table), then each desk. */
const NAV: NavItem[] = [
  ...REGISTRY_KINDS.map(
    (kind): NavItem => ({
      href: `/console/${kind}`,
      label: (words) => words.registry[kind].title,
      action: 'registry.read',
    }),
  ),
  item('/console/imports', 'imports', 'certificate.import'),
  item('/console/expiring', 'expiring', 'registry.read'),
  item('/console/statistics', 'statistics', 'statistics.read'),
  item('/console/print', 'print', 'stamps.issue'),
  item('/console/inspect', 'inspect', 'inspection.read'),
  item('/console/reports', 'reports', 'report.read'),
  item('/console/suspicious', 'suspicious', 'copy.read'),
  item('/console/intake/', 'intake', 'intake.record'),
  { href: '/console/points-of-sale', label: (words) => words.pointsOfSale.console.title, action: 'retail.read' },
  item('/console/people', 'people', 'person.read'),
  item('/console/tokens', 'tokens', 'token.read'),
  item('/console/audit', 'audit', 'audit.read'),
  item('/console/passkeys', 'passkeys', 'own-passkeys'),
];

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f5f2}
a{color:#0b5394}header{background:#14532d;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header a{color:#fff}header .who{margin-left:auto;font-size:.9rem}nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .9rem}
main{max-width:64rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.45rem;border-bottom:1px solid #ddd;vertical-align:top}
form.card,.card{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem;margin:1rem 0}
.field{margin:0 0 .9rem}.field label{display:block;font-weight:600;margin-bottom:.2rem}
input,select,textarea{font:inherit;padding:.45rem;border:1px solid #888;border-radius:.3rem;width:100%;max-width:32rem}
input[aria-invalid=true],select[aria-invalid=true]{border:2px solid #b3261e}.err,.error{color:#b3261e;font-weight:600}
.hint{color:#555;font-size:.9rem}button,.button{font:inherit;padding:.5rem 1rem;border-radius:.3rem;border:0;background:#14532d;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#555}:focus-visible{outline:3px solid #f2b705;outline-offset:2px}.notice{background:#e8f5e9;border-left:4px solid #1e7b34;padding:.6rem .8rem}
.toolbar{display:flex;gap:.6rem;align-items:end;flex-wrap:wrap;margin-bottom:.6rem}.toolbar .field{margin:0}code{word-break:break-all}
dialog{border:0;border-radius:.6rem;max-width:28rem;padding:1.2rem}dialog [data-step-up-what]{font-weight:600}dialog dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .8rem}dialog dd{margin:0}dialog::backdrop{background:rgba(0,0,0,.45)}
.scroll{overflow-x:auto}.chart{margin:1rem 0}.chart svg{display:block;max-width:100%;height:auto}.chart figcaption{font-weight:600;margin:.3rem 0}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;color:#000;padding:.4rem;z-index:9}`;

/** The console shell: skip link, role-aware navigation, CSRF token for scripts, step-up dialog. */
/** `script`: a page's own script beside the console's; `lang`: the page's language (the console is Vietnamese). */
export type PageOptions = { script?: string; lang?: Lang };

export function consolePage(title: string, user: PageUser | null, body: Html, options: PageOptions = {}): Html {
  const lang = options.lang ?? 'vi';
  const words = WORDS[lang];
  const shell = words.console;
  const actor = user?.actor;
  const shown = (action: Action | 'own-passkeys') =>
    action === 'own-passkeys' ? actor?.kind === 'session' : user?.may?.(action) === true;
  const nav =
    actor && actor.kind !== 'anonymous'
      ? html`<nav aria-label="${shell.navLabel}"><ul>${NAV.filter((n) => shown(n.action)).map((n) => html`<li><a href="${n.href}">${n.label(words)}</a></li>`)}</ul></nav>
<span class="who">${user?.personName ?? ''} · ${words.roles[actor.role]}${actor.provinceCode ? ` · ${PROVINCES[actor.provinceCode]?.[lang] ?? words.messages.province(actor.provinceCode)}` : ''}</span>
<form method="post" action="/console/sign-out"><input type="hidden" name="_csrf" value="${user?.csrfToken ?? ''}"><button class="secondary" type="submit">${shell.signOut}</button></form>`
      : '';
  // raw: CSS is a constant of this file; escaping would break its quoted font names.
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="csrf-token" content="${user?.csrfToken ?? ''}"><meta name="robots" content="noindex"><title>${title} · OCOP</title>
<style>${raw(CSS)}</style><script src="/console/app.js" defer></script>${options.script ? html`<script src="${options.script}" defer></script>` : ''}</head><body>
<a class="skip" href="#main">${shell.skip}</a>
<header><a href="/console"><strong>${shell.home}</strong></a>${nav}</header>
<main id="main" tabindex="-1"><h1>${title}</h1>${body}</main>
<dialog id="step-up" aria-labelledby="step-up-title" aria-describedby="step-up-what"><h2 id="step-up-title">${shell.stepUp.title}</h2>
<p id="step-up-what" data-step-up-what></p><dl data-step-up-details></dl>
<p data-step-up-passkey>${shell.stepUp.explain}</p><p role="status" aria-live="polite"></p>
<button type="button" data-step-up-confirm>${shell.stepUp.confirm}</button> <button type="button" class="secondary" data-step-up-cancel>${shell.stepUp.back}</button></dialog>
</body></html>`;
}

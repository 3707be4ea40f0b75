/**
 * Decisions that need a fresh passkey assertion (step-up). Before such a form is sent, the dialog
 * restates what is being decided, in words and field by field. A passkey is asked for only when
 * the session's last assertion no longer covers it: one assertion covers decisions for 5 minutes.
 * The server checks the assertion again anyway; this only saves people from asking twice.
 */
import { startAuthentication } from '@simplewebauthn/browser';

import { api, friendly, say } from './passkey-api';

/** Time to read the dialog and for the form to reach the server before the assertion runs out. */
const MARGIN_SECONDS = 20;

export async function stepUp(): Promise<void> {
  const optionsJSON = await api('/api/v1/auth/step-up/options', {});
  const credential = await startAuthentication({ optionsJSON: optionsJSON as never });
  await api('/api/v1/auth/step-up/verify', { credential });
}

/** A fresh assertion for what follows: the one the session holds if it still covers it, else a new one. */
export async function ensureFreshAssertion(): Promise<void> {
  if ((await secondsLeft()) <= MARGIN_SECONDS) await stepUp();
}

async function secondsLeft(): Promise<number> {
  try {
    const res = await fetch('/api/v1/auth/step-up', { credentials: 'same-origin', cache: 'no-store' });
    return res.ok ? (((await res.json()) as { secondsLeft?: number }).secondsLeft ?? 0) : 0;
  } catch {
    return 0; // unknown: asking for a passkey is the safe answer
  }
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A label's words without the required-field star. */
function labelText(control: Control): string {
  const label = control.labels?.[0];
  if (!label) return '';
  const copy = label.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => {
    n.remove();
  });
  return copy.textContent?.trim() ?? '';
}

/** The decision in one sentence, and each filled-in field as label and value. */
export function decisionOf(form: HTMLFormElement): { what: string; details: [string, string][] } {
  const controls = [...form.elements].filter(
    (e) => e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement,
  ) as Control[];
  // A select whose options name the decision (suspend, reinstate, revoke) gives the sentence.
  const chosen = controls
    .flatMap((c) => (c instanceof HTMLSelectElement ? [...c.selectedOptions] : []))
    .find((o) => o.dataset.decision);
  const button = form.querySelector('button[type="submit"]');
  const what = chosen?.dataset.decision ?? form.dataset.decision ?? button?.textContent?.trim() ?? '';
  const details: [string, string][] = [];
  for (const control of controls) {
    if (control.disabled || ['hidden', 'submit', 'button'].includes(control.type)) continue;
    if (control instanceof HTMLSelectElement && [...control.selectedOptions].some((o) => o.dataset.decision)) continue;
    // A field that applies to one choice only (grounds: to revocation) is not restated for another.
    const [name, value] = (control.dataset.onlyFor ?? '').split('=');
    if (name && (form.elements.namedItem(name) as Control | null)?.value !== value) continue;
    const shown =
      control instanceof HTMLSelectElement
        ? [...control.selectedOptions]
            .filter((o) => o.value !== '')
            .map((o) => o.textContent?.trim())
            .join(', ')
        : control.value.trim();
    const label = labelText(control);
    if (shown && label) details.push([label, shown]);
  }
  return { what, details };
}

/** Fills the dialog for this decision and whether a passkey is needed. */
function describe(dialog: HTMLDialogElement, form: HTMLFormElement, fresh: boolean): void {
  const { what, details } = decisionOf(form);
  const title = dialog.querySelector('#step-up-title');
  if (title) title.textContent = fresh ? 'Xác nhận quyết định' : 'Xác thực lại bằng passkey';
  say(dialog.querySelector('[data-step-up-what]'), what, false);
  const list = dialog.querySelector('[data-step-up-details]');
  list?.replaceChildren(
    ...details.flatMap(([label, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  say(
    dialog.querySelector('[data-step-up-passkey]'),
    fresh
      ? 'Bạn đã xác thực bằng passkey trong 5 phút qua: không cần xác thực lại.'
      : 'Thao tác này cần xác nhận bằng passkey của bạn (vân tay, khuôn mặt hoặc mã PIN).',
    false,
  );
  const confirm = dialog.querySelector('[data-step-up-confirm]');
  if (confirm) confirm.textContent = fresh ? 'Xác nhận' : 'Xác thực';
  say(dialog.querySelector('[role="status"]'), '', false);
}

/** Sensitive forms restate the decision, and ask for a passkey when the last one is too old. */
export function guardWithStepUp(form: HTMLFormElement): void {
  const dialog = document.getElementById('step-up') as HTMLDialogElement | null;
  if (!dialog) return;
  form.addEventListener('submit', async (event) => {
    if (form.dataset.confirmed === 'yes') {
      delete form.dataset.confirmed; // one confirmation, one submission
      return;
    }
    event.preventDefault();
    const fresh = (await secondsLeft()) > MARGIN_SECONDS;
    describe(dialog, form, fresh);
    dialog.showModal();
    const confirm = dialog.querySelector<HTMLButtonElement>('[data-step-up-confirm]')!;
    const cancel = dialog.querySelector<HTMLButtonElement>('[data-step-up-cancel]')!;
    const status = dialog.querySelector('[role="status"]');
    cancel.onclick = () => dialog.close();
    confirm.onclick = async () => {
      confirm.disabled = true;
      try {
        if (!fresh) {
          say(status, 'Đang chờ passkey…', false);
          await stepUp();
        }
        form.dataset.confirmed = 'yes';
        dialog.close();
        form.requestSubmit();
      } catch (error) {
        say(status, friendly(error));
      } finally {
        confirm.disabled = false;
      }
    };
  });
}

/**
 * The console's only script: passkey ceremonies through @simplewebauthn/browser, and the step-up
 * prompt before sensitive forms. Everything else in the console works as plain HTML forms.
 */
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';

import { api, friendly, say } from './passkey-api';
import { ensureFreshAssertion, guardWithStepUp } from './step-up';

async function enrol(form: HTMLFormElement): Promise<void> {
  const enrolment = location.hash.slice(1);
  const passkeyName = (form.elements.namedItem('passkeyName') as HTMLInputElement).value;
  const optionsJSON = await api('/api/v1/auth/enrolment/options', { enrolment });
  const credential = await startRegistration({ optionsJSON: optionsJSON as never });
  await api('/api/v1/auth/enrolment/verify', { enrolment, passkeyName, credential });
  location.href = '/console';
}

const ROLE_WORDS: Record<string, string> = {
  retailer: 'Nhà bán lẻ',
  producer: 'Nhà sản xuất',
  inspector: 'Thanh tra',
  authority: 'Cơ quan quản lý',
  admin: 'Quản trị',
};

/** Before anything is pressed, the enrolment page says who the link makes you (as text, never markup). */
async function previewEnrolment(form: HTMLFormElement): Promise<void> {
  const target = form.querySelector('[data-enrolment-preview]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  try {
    const p = (await api('/api/v1/auth/enrolment/preview', { enrolment: location.hash.slice(1) })) as {
      name: string;
      role: string;
      provinceCode: string | null;
      provinceName: string | null;
      subjectName: string | null;
    };
    const scope = p.subjectName
      ? `chủ thể ${p.subjectName}`
      : (p.provinceName ?? (p.role === 'admin' ? 'toàn hệ thống' : 'Trung ương (toàn quốc)'));
    say(
      target,
      `Bạn sẽ đăng ký với tên: ${p.name} · Vai trò: ${ROLE_WORDS[p.role] ?? p.role} · Phạm vi: ${scope}.`,
      false,
    );
  } catch (error) {
    say(target, friendly(error));
    if (button) button.disabled = true;
  }
}

async function signIn(): Promise<void> {
  const optionsJSON = await api('/api/v1/auth/sign-in/options', {});
  const credential = await startAuthentication({ optionsJSON: optionsJSON as never });
  await api('/api/v1/auth/sign-in/verify', { credential });
  location.href = new URLSearchParams(location.search).get('next')?.startsWith('/console')
    ? new URLSearchParams(location.search).get('next')!
    : '/console';
}

/** A new passkey is a lasting credential: the server asks for a fresh assertion of an existing one first. */
async function addPasskey(form: HTMLFormElement): Promise<void> {
  const passkeyName = (form.elements.namedItem('passkeyName') as HTMLInputElement).value;
  await ensureFreshAssertion();
  const optionsJSON = await api('/api/v1/auth/passkeys/options', {});
  const credential = await startRegistration({ optionsJSON: optionsJSON as never });
  await api('/api/v1/auth/passkeys/verify', { passkeyName, credential });
  location.reload();
}

function bind(selector: string, action: (form: HTMLFormElement) => Promise<void>): void {
  for (const form of document.querySelectorAll<HTMLFormElement>(selector)) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const status = form.querySelector('[role="status"]');
      const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
      if (button) button.disabled = true;
      say(status, 'Đang chờ passkey…', false);
      try {
        await action(form);
      } catch (error) {
        say(status, friendly(error));
      } finally {
        if (button) button.disabled = false;
      }
    });
  }
}

/** Large jobs come in parts: fetch them one after another, with a progress bar. */
function downloadAllParts(button: HTMLButtonElement): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-part]')];
  const progress = document.getElementById('dl-progress') as HTMLProgressElement | null;
  const status = progress?.parentElement?.querySelector('[role="status"]') ?? null;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      for (const [i, link] of links.entries()) {
        say(status, `Đang tải phần ${i + 1}/${links.length}…`, false);
        const res = await fetch(link.href, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`Phần ${i + 1}: HTTP ${res.status}`);
        const url = URL.createObjectURL(await res.blob());
        const save = Object.assign(document.createElement('a'), {
          href: url,
          download: link.getAttribute('download') || `phan-${i + 1}.pdf`,
        });
        save.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        if (progress) progress.value = i + 1;
      }
      say(status, 'Đã tải xong.', false);
    } catch (error) {
      say(status, friendly(error));
    } finally {
      button.disabled = false;
    }
  });
}

document.querySelectorAll<HTMLButtonElement>('button[data-download-all]').forEach(downloadAllParts);
bind('form[data-passkey="enrol"]', enrol);
document.querySelectorAll<HTMLFormElement>('form[data-passkey="enrol"]').forEach((form) => void previewEnrolment(form));
bind('form[data-passkey="sign-in"]', () => signIn());
bind('form[data-passkey="add"]', addPasskey);
document.querySelectorAll<HTMLFormElement>('form[data-step-up]').forEach(guardWithStepUp);

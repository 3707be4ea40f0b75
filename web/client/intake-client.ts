/**
 * The retailer's intake page. Four ways in (camera, handheld scanner, paste, CSV), one result
 * list with colour, icon, sound and vibration per status, a running tally, CSV export, and a
 * session that survives having no network: verdicts come from the cached status list, the
 * session waits in localStorage, and it is recorded (with its signed receipt) when the network
 * returns.
 */
import { MAX_INTAKE_CODES } from '../../src/domain/intake-limits';
import { statusTone } from '../../src/domain/verdict';
import { startCamera, type Camera } from './intake/camera';
import { codesFromText, MAX_CSV_BYTES, sessionCsv } from './intake/codes-io';
import { feedback } from './intake/feedback';
import { localTime, statusTitle, t } from './intake/lang';
import { vietnamIso } from '../format';
import { store, type Pending, type Recorded, type Row, type Session } from './intake/session-store';
import { addReceiptRow, renderSession, shownRows } from './intake/session-view';
import { syncPending, type SyncHooks } from './intake/sync';
import { IntakeVerifier, network } from './intake/verifier';
import { raiseWorse, wireWorse, worseReads } from './intake/worse-alert';

const RETRY_MS = 5000;
/** Reads of at least this many codes (a paste, a CSV) show a progress bar. */
const PROGRESS_FROM = 20;
const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

const verifier = new IntakeVerifier();
let session: Session = store.session();
let camera: Camera | null = null;

function announce(message: string): void {
  $('#announce').textContent = message;
}

function showError(message: string): void {
  const box = $<HTMLElement>('#intake-error');
  box.textContent = message;
  box.hidden = message === '';
}

// ---- Rendering -------------------------------------------------------------------------------

function render(): void {
  renderSession(session, store.finished());
}

function renderNetwork(): void {
  const online = navigator.onLine && network.up;
  const asOf = verifier.offlineAsOf;
  $('#net').textContent = online ? t.online(asOf ? localTime(asOf) : null) : t.offline(asOf ? localTime(asOf) : '—');
  $('#net').className = online ? 'net online' : 'net offline';
  const pending = store.pending();
  $('#sync').textContent =
    pending.length === 0
      ? ''
      : `${t.pending(pending.length)}${pending.some((p) => p.error) ? ` ${pending.find((p) => p.error)!.error}` : ''}`;
}

// ---- Scanning --------------------------------------------------------------------------------

async function addCodes(codes: string[], source: Row['source']): Promise<void> {
  if (codes.length === 0) return;
  if (session.rows.length + codes.length > MAX_INTAKE_CODES) {
    showError(t.tooMany(MAX_INTAKE_CODES));
    return;
  }
  showError('');
  // The first read of a new session: the finished one leaves the screen (its receipt stays in the table).
  if (session.rows.length === 0) store.saveFinished(null);
  const progress = $<HTMLProgressElement>('#progress');
  const long = codes.length >= PROGRESS_FROM;
  progress.hidden = !long;
  progress.max = codes.length;
  progress.value = 0;
  const readings = await verifier.verify(codes, (done) => {
    progress.value = done;
    $('#progress-text').textContent = long ? t.progress(done, codes.length) : '';
  });
  progress.hidden = true;
  const scannedAt = new Date().toISOString();
  const seen = new Set(session.rows.map((r) => r.code));
  for (const reading of readings) {
    session.rows.push({ ...reading, scannedAt, source, duplicate: seen.has(reading.code) });
    seen.add(reading.code);
  }
  store.saveSession(session);
  render();
  const last = session.rows.at(-1)!;
  feedback(
    readings.some((r) => statusTone(r.status) === 'danger')
      ? 'danger'
      : readings.some((r) => statusTone(r.status) === 'warning')
        ? 'warning'
        : 'ok',
  );
  announce(
    readings.length === 1
      ? [
          `${statusTitle(last.status)}${last.product ? `: ${last.product}` : ''}`,
          last.duplicate ? t.duplicateShort : '',
          last.live ? '' : t.offlineShort,
        ]
          .filter(Boolean)
          .join('. ')
      : t.checked(readings.length),
  );
}

/** Offline rows get a live verdict once the network is back (the receipt records the live one). */
async function refreshOfflineRows(): Promise<void> {
  const stale = session.rows.filter((r) => !r.live);
  if (stale.length === 0) return;
  const fresh = await verifier.verify(stale.map((r) => r.code));
  if (fresh.some((r) => !r.live)) return;
  // Keyed by position in the session, as the sync's check is: a read is listed once, whichever finds it first.
  const liveOf = new Map(stale.map((row, i) => [row, fresh[i]!.status]));
  raiseWorse(
    worseReads(
      session.id,
      session.rows,
      session.rows.map((row) => liveOf.get(row)),
    ),
  );
  for (const [i, reading] of fresh.entries()) {
    Object.assign(stale[i]!, { ...reading, offlineStatus: stale[i]!.status, offlineAsOf: stale[i]!.asOf });
  }
  store.saveSession(session);
  render();
}

// ---- Receipts and export -------------------------------------------------------------------

const syncHooks: SyncHooks = {
  recorded: (recorded, pending) => {
    const suspicious = recorded.verdicts.filter((v) => v.scans?.suspicious).length;
    addReceiptRow(recorded, pending.pointOfSale, suspicious, t.recordedSuspicious(suspicious));
    raiseWorse(
      worseReads(
        pending.session.id,
        pending.session.rows,
        recorded.verdicts.map((v) => v.status),
      ),
    );
    showRecorded(recorded, pending);
    announce(
      [t.recorded(pending.session.rows.length), suspicious ? t.recordedSuspicious(suspicious) : '']
        .filter(Boolean)
        .join(' '),
    );
  },
  settled: () => renderNetwork(),
};

/** The finished session on screen now shows the service's verdicts and its receipt. */
function showRecorded(recorded: Recorded, pending: Pending): void {
  const finished = store.finished();
  if (finished?.session.id !== pending.session.id) return;
  const rows = finished.session.rows.map((row, i) => {
    const live = recorded.verdicts[i];
    return live
      ? {
          ...row,
          status: live.status,
          live: true,
          offlineStatus: row.live ? row.offlineStatus : row.status,
          offlineAsOf: row.live ? row.offlineAsOf : row.asOf,
        }
      : row;
  });
  store.saveFinished({
    ...finished,
    session: { ...finished.session, rows },
    receipt: { id: recorded.id, recordedAt: recorded.recordedAt },
  });
  render();
}

function exportCsv(): void {
  const shown = shownRows(session, store.finished());
  const csv = sessionCsv(
    shown.map((r) => ({
      scannedAt: r.scannedAt,
      code: r.code,
      serial: r.serial,
      status: r.status,
      statusText: statusTitle(r.status),
      product: r.product ?? '',
      stars: r.stars,
      producer: r.producer ?? '',
      lot: r.lot ?? '',
      duplicate: r.duplicate,
      offlineAsOf: r.live ? null : r.asOf,
      suspicious: r.signals.join(' '),
    })),
    { header: t.csvHeader, yes: t.yes },
  );
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const of = session.rows.length ? session : (store.finished()?.session ?? session);
  link.download = `nhan-hang-${vietnamIso(new Date(of.startedAt)).slice(0, 10)}-${of.id.slice(0, 8)}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000); // once the download has started
}

// ---- Wiring ----------------------------------------------------------------------------------

function wire(): void {
  const pos = $<HTMLInputElement>('#point-of-sale');
  pos.value = store.pointOfSale() || pos.value;
  pos.addEventListener('input', () => store.savePointOfSale(pos.value.trim()));

  const scan = $<HTMLInputElement>('#scan-input');
  $('#scan-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = scan.value.trim();
    scan.value = '';
    scan.focus();
    if (code) void addCodes([code], 'scanner');
  });

  $('#paste-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const area = $<HTMLTextAreaElement>('#paste-input');
    const { codes, skipped } = codesFromText(area.value);
    if (codes.length === 0) return showError(t.noCodesPasted);
    area.value = '';
    void addCodes(codes, 'paste').then(() => skipped.length && announce(t.skipped(skipped.length)));
  });

  $<HTMLInputElement>('#csv-input').addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) return showError(t.csvTooBig);
    const { codes, skipped } = codesFromText(await file.text());
    if (codes.length === 0) return showError(t.csvEmpty(file.name));
    await addCodes(codes, 'csv');
    $('#csv-result').textContent = t.csvRead(codes.length, file.name, skipped.length);
  });

  const toggle = $<HTMLButtonElement>('#camera-toggle');
  const video = $<HTMLVideoElement>('#camera');
  toggle.addEventListener('click', async () => {
    if (camera) {
      camera.stop();
      camera = null;
      video.hidden = true;
      $('#scan-panel').classList.remove('camera-on');
      toggle.textContent = t.cameraOn;
      toggle.setAttribute('aria-pressed', 'false');
      $('#camera-status').textContent = t.cameraStopped;
      return;
    }
    try {
      video.hidden = false;
      $('#scan-panel').classList.add('camera-on');
      // The preview at the top of the screen, the tally and the newest results right under it.
      $('#scan-panel').scrollIntoView({ block: 'start' });
      camera = await startCamera(video, (text) => void addCodes([text], 'camera'));
      toggle.textContent = t.cameraOff;
      toggle.setAttribute('aria-pressed', 'true');
      $('#camera-status').textContent = t.cameraScanning(camera.engine);
    } catch (error) {
      video.hidden = true;
      $('#scan-panel').classList.remove('camera-on');
      $('#camera-status').textContent = t.cameraFailed(error instanceof Error ? error.message : String(error));
    }
  });

  $('#finish').addEventListener('click', () => {
    const pointOfSale = pos.value.trim();
    if (!pointOfSale) {
      showError(t.needPointOfSale);
      pos.focus();
      return;
    }
    store.savePointOfSale(pointOfSale);
    session = store.finish(pointOfSale);
    render();
    renderNetwork();
    announce(network.up ? t.recording : t.savedForLater);
    void syncPending(syncHooks);
  });

  $('#export').addEventListener('click', exportCsv);

  window.addEventListener('online', () => void reconnect());
  window.addEventListener('offline', renderNetwork);
  // The device may never notice the signal coming back (it thought it was online all along): retry.
  setInterval(() => {
    if (!network.up || store.pending().length > 0) void reconnect();
  }, RETRY_MS);
}

/** Fresh offline data, live verdicts for offline rows, then the queued sessions. */
async function reconnect(): Promise<void> {
  await verifier.loadOfflineData().catch(() => undefined);
  renderNetwork();
  if (!network.up) return;
  await refreshOfflineRows().catch(() => undefined);
  await syncPending(syncHooks);
}

async function start(): Promise<void> {
  wire();
  wireWorse();
  render();
  renderNetwork();
  if ('serviceWorker' in navigator) {
    await navigator.serviceWorker
      .register('/console/intake/sw.js', { scope: '/console/intake/' })
      .catch(() => undefined);
  }
  await verifier.loadOfflineData().catch(() => undefined);
  renderNetwork();
  $<HTMLInputElement>('#scan-input').focus();
  document.body.dataset.intakeReady = 'true';
  if (network.up) await reconnect();
}

void start();

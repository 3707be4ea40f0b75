/**
 * The retailer's intake page. Four ways in (camera, handheld scanner, paste, CSV), one result
 * list with colour, icon, sound and vibration per status, a running tally, CSV export, and a
 * session that survives having no network: verdicts come from the cached status list, the
 * session waits in localStorage, and it is recorded (with its signed receipt) when the network
 * returns.
 */
import { MAX_INTAKE_CODES } from '../../src/domain/intake-limits';
import { statusTone } from '../../src/domain/verdict';
import { wireCameraToggle } from './intake/camera-toggle';
import { downloadSessionCsv } from './intake/csv-download';
import { wireEntryForms } from './intake/entry-forms';
import { feedback } from './intake/feedback';
import { localTime, statusTitle, t } from './intake/lang';
import { $, announce, showError } from './intake/page';
import { store, type Pending, type Recorded, type Row, type Session } from './intake/session-store';
import { addReceiptRow, renderSession, shownRows } from './intake/session-view';
import { syncPending, type SyncHooks } from './intake/sync';
import { IntakeVerifier, network } from './intake/verifier';
import { raiseWorse, wireWorse, worseReads } from './intake/worse-alert';

const RETRY_MS = 5000;
/** Reads of at least this many codes (a paste, a CSV) show a progress bar. */
const PROGRESS_FROM = 20;
const verifier = new IntakeVerifier();
let session: Session = store.session();

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
  const of = session.rows.length ? session : (store.finished()?.session ?? session);
  downloadSessionCsv(shownRows(session, store.finished()), of);
}

// ---- Wiring ----------------------------------------------------------------------------------

function wire(): void {
  const pos = $<HTMLInputElement>('#point-of-sale');
  pos.value = store.pointOfSale() || pos.value;
  pos.addEventListener('input', () => store.savePointOfSale(pos.value.trim()));

  wireEntryForms(addCodes);
  wireCameraToggle(addCodes);

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

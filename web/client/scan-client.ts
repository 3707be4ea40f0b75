/**
 * The camera page (`/scan`): reads QR codes with the intake page's scanner (BarcodeDetector, else
 * jsQR) and opens the verification of the first stamp it sees. Which text is a stamp is decided
 * by the server's `/verify`, as for a typed code; here only QR codes that are plainly not stamps
 * are set aside, so that a shop's menu QR does not take the person away from the camera.
 */
import { startCamera, type Camera } from './intake/camera';

const STAMP_LIKE = /\/S\/[^/?#\s]+|[?&]stamp=|^[0-9A-Z]{1,8}-[1-9][0-9]{0,14}-[A-Z2-7]{103}$/i;

const box = document.querySelector<HTMLElement>('[data-scan]');
if (box) {
  const video = box.querySelector<HTMLVideoElement>('video')!;
  const toggle = box.querySelector<HTMLButtonElement>('[data-scan-toggle]')!;
  const status = box.querySelector<HTMLElement>('[role="status"]')!;
  const words = box.dataset;
  let camera: Camera | null = null;

  const stop = () => {
    camera?.stop();
    camera = null;
    video.hidden = true;
    toggle.textContent = words.start ?? '';
  };

  const onCode = (text: string) => {
    if (!STAMP_LIKE.test(text.trim())) {
      status.textContent = `${words.notStamp ?? ''} ${text.slice(0, 120)}`;
      return;
    }
    status.textContent = words.found ?? '';
    stop();
    location.assign(`/verify?code=${encodeURIComponent(text.trim())}${words.lang === 'en' ? '&lang=en' : ''}`);
  };

  toggle.hidden = false;
  toggle.addEventListener('click', async () => {
    if (camera) return stop();
    try {
      video.hidden = false;
      camera = await startCamera(video, onCode);
      toggle.textContent = words.stop ?? '';
      status.textContent = '';
    } catch {
      stop();
      status.textContent = words.noCamera ?? '';
    }
  });
}

/** The camera button: starts and stops the preview, which sits at the top with the newest results under it. */
import { startCamera, type Camera } from './camera';
import type { AddCodes } from './entry-forms';
import { t } from './lang';
import { $ } from './page';

export function wireCameraToggle(addCodes: AddCodes): void {
  const toggle = $<HTMLButtonElement>('#camera-toggle');
  const video = $<HTMLVideoElement>('#camera');
  const panel = $<HTMLElement>('#scan-panel');
  let camera: Camera | null = null;
  const showPreview = (on: boolean) => {
    video.hidden = !on;
    panel.classList.toggle('camera-on', on);
  };
  toggle.addEventListener('click', async () => {
    if (camera) {
      camera.stop();
      camera = null;
      showPreview(false);
      toggle.textContent = t.cameraOn;
      toggle.setAttribute('aria-pressed', 'false');
      $('#camera-status').textContent = t.cameraStopped;
      return;
    }
    try {
      showPreview(true);
      // The preview at the top of the screen, the tally and the newest results right under it.
      panel.scrollIntoView({ block: 'start' });
      camera = await startCamera(video, (text) => void addCodes([text], 'camera'));
      toggle.textContent = t.cameraOff;
      toggle.setAttribute('aria-pressed', 'true');
      $('#camera-status').textContent = t.cameraScanning(camera.engine);
    } catch (error) {
      showPreview(false);
      $('#camera-status').textContent = t.cameraFailed(error instanceof Error ? error.message : String(error));
    }
  });
}

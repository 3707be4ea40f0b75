/**
 * Continuous QR scanning from the camera. The browser's BarcodeDetector where it has one (Android,
 * ChromeOS, macOS), else jsQR on a downscaled frame. A code counts once while it stays in view;
 * it counts again only after leaving the frame, so two packs with the same code are two reads.
 */
import jsQR from 'jsqr';

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorClass = { new (o: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> };

const FRAME_MS = 120;
const GONE_AFTER_MS = 1200;
const MAX_WIDTH = 800;

async function nativeDetector(): Promise<Detector | null> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Native) return null;
  try {
    return (await Native.getSupportedFormats()).includes('qr_code') ? new Native({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

export type Camera = { stop: () => void; engine: 'BarcodeDetector' | 'jsQR' };

export async function startCamera(video: HTMLVideoElement, onCode: (text: string) => void): Promise<Camera> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  await video.play();
  const detector = await nativeDetector();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const lastSeen = new Map<string, number>();
  let running = true;

  const decode = async (): Promise<string[]> => {
    if (video.readyState < 2 || video.videoWidth === 0) return [];
    if (detector) return (await detector.detect(video)).map((c) => c.rawValue);
    const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const found = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, {
      inversionAttempts: 'dontInvert',
    });
    return found ? [found.data] : [];
  };

  const tick = async () => {
    if (!running) return;
    const now = performance.now();
    try {
      for (const text of await decode()) {
        const seen = lastSeen.get(text);
        if (seen === undefined || now - seen > GONE_AFTER_MS) onCode(text);
        lastSeen.set(text, now);
      }
    } catch {
      // A frame that fails to decode is just the next frame's job.
    }
    setTimeout(() => void tick(), FRAME_MS);
  };
  void tick();

  return {
    engine: detector ? 'BarcodeDetector' : 'jsQR',
    stop: () => {
      running = false;
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}

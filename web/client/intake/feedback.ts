/**
 * What a retailer hears and feels for each verdict, so a back-room scan needs no look at the
 * screen: one short high beep for valid, two for a warning, a long low tone for danger.
 */
export type Tone = 'ok' | 'warning' | 'danger';

const BEEPS: Record<Tone, { hz: number; seconds: number }[]> = {
  ok: [{ hz: 1046, seconds: 0.09 }],
  warning: [
    { hz: 660, seconds: 0.12 },
    { hz: 660, seconds: 0.12 },
  ],
  danger: [{ hz: 196, seconds: 0.55 }],
};
const VIBRATION: Record<Tone, number[]> = { ok: [40], warning: [80, 80, 80], danger: [300, 120, 300] };

let audio: AudioContext | null = null;

export function feedback(tone: Tone): void {
  navigator.vibrate?.(VIBRATION[tone]);
  try {
    audio ??= new AudioContext();
    let at = audio.currentTime;
    for (const beep of BEEPS[tone]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = beep.hz;
      gain.gain.value = 0.15;
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + beep.seconds);
      at += beep.seconds + 0.06;
    }
  } catch {
    // No audio (a muted kiosk, or autoplay policy before the first tap): the colour and icon still say it.
  }
}

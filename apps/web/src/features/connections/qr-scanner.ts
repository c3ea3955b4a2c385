import jsqrExport from 'jsqr';
import type { Options, QRCode } from 'jsqr';

type JsQr = (data: Uint8ClampedArray, width: number, height: number, options?: Options) => QRCode | null;

function isDecoder(value: unknown): value is JsQr {
  return typeof value === 'function';
}

/**
 * jsQR is CommonJS: bundlers hand over its function as the default export, while Node's type rules
 * see the whole module there (with the function as its `default`). Take whichever is the function.
 */
const jsQR = [jsqrExport, Reflect.get(Object(jsqrExport), 'default')].find(isDecoder);

/** The part of an ImageData the decoder reads (so tests can hand in a plain buffer). */
export interface ImageDataLike {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** The text of the QR code in an RGBA image, or undefined when there is none that can be read. */
export function decodeQrFromImageData(image: ImageDataLike): string | undefined {
  // Codes on a phone screen in dark mode can be light on dark: try both ways.
  const code = jsQR?.(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return code && code.data !== '' ? code.data : undefined;
}

/** Why the camera could not be used. */
export type CameraProblem = 'denied' | 'unavailable' | 'unsupported';

/** Sorts a getUserMedia failure into what the person can do about it. */
export function cameraProblemOf(error: unknown): CameraProblem {
  // DOMException is an Error in browsers and in Node.
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  return 'unavailable';
}

export interface QrScannerOptions {
  /** The video element the camera shows in (muted, playsInline). */
  video: HTMLVideoElement;
  /** Called once with the first code read; scanning stops then. */
  onCode: (text: string) => void;
  /** Called when the camera cannot be started. */
  onProblem: (problem: CameraProblem) => void;
  /** Called once the camera shows. */
  onStarted?: () => void;
  /** Frames are read this often (default 250 ms: fast enough, light on a phone's battery). */
  intervalMs?: number;
}

/** The largest side a frame is scaled to before decoding: enough for a phone-screen code, quick to scan. */
const maxFrameSide = 640;

/**
 * Starts the rear camera and reads frames until a QR code decodes. Returns `stop`, which ends the
 * scan and releases the camera (the light goes off).
 */
export function startQrScanner({ video, onCode, onProblem, onStarted, intervalMs = 250 }: QrScannerOptions): () => void {
  let stopped = false;
  let stream: MediaStream | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  function release() {
    stopped = true;
    clearTimeout(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
    video.srcObject = null;
  }

  function readFrame() {
    if (stopped || !context) return;
    const { videoWidth, videoHeight } = video;
    if (videoWidth > 0 && videoHeight > 0) {
      const scale = Math.min(1, maxFrameSide / Math.max(videoWidth, videoHeight));
      canvas.width = Math.round(videoWidth * scale);
      canvas.height = Math.round(videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const text = decodeQrFromImageData(context.getImageData(0, 0, canvas.width, canvas.height));
      if (text !== undefined) {
        release();
        onCode(text);
        return;
      }
    }
    timer = setTimeout(readFrame, intervalMs);
  }

  const media = globalThis.navigator?.mediaDevices;
  if (!media?.getUserMedia || !context) {
    queueMicrotask(() => onProblem('unsupported'));
    return release;
  }
  media.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }).then(
    async (granted) => {
      if (stopped) {
        for (const track of granted.getTracks()) track.stop();
        return;
      }
      stream = granted;
      video.srcObject = granted;
      try {
        await video.play();
      } catch {
        // Autoplay of a muted inline video is allowed; a failure here still leaves frames to read.
      }
      if (stopped) return;
      onStarted?.();
      readFrame();
    },
    (error: unknown) => {
      if (!stopped) onProblem(cameraProblemOf(error));
    },
  );
  return release;
}

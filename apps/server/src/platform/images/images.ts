// Pictures people upload (profile pictures, catalogue images): what the bytes really are, whether they
// are within a use's limits, and the small WebP kept of them. The rules are plain functions; the
// conversion is a port (sharp-images.ts is its adapter), so each module keeps its own limits and codes.

/** What an upload's bytes turned out to be, whatever the client declared. */
export interface ImageFacts {
  readonly format: string;
  readonly width: number;
  readonly height: number;
}

/** What one use accepts. */
export interface ImageLimits {
  /** Largest upload, in bytes. */
  readonly maxBytes: number;
  /** Largest side, in pixels: bigger ones are costly to decode (and a decompression bomb's trick). */
  readonly maxSide: number;
  /** Formats accepted, as found in the bytes (sharp's names: jpeg, png, webp…). */
  readonly formats: readonly string[];
}

/** The size a picture is kept at: cropped to cover it, centred. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** Why an upload cannot become a picture. */
export type ImageProblem = 'too-large' | 'unsupported-type' | 'dimensions-too-large' | 'unreadable';

/** Why an upload is refused under `limits`, or null when it may be converted. `facts` is null when the bytes are no picture at all. */
export function imageProblem(byteLength: number, facts: ImageFacts | null, limits: ImageLimits): ImageProblem | null {
  if (byteLength > limits.maxBytes) return 'too-large';
  if (facts === null || !limits.formats.includes(facts.format)) return 'unsupported-type';
  if (facts.width > limits.maxSide || facts.height > limits.maxSide) return 'dimensions-too-large';
  if (facts.width < 1 || facts.height < 1) return 'unreadable';
  return null;
}

/** Reads and converts pictures. */
export interface ImageConverter {
  /** What the bytes really are; null when they are no picture at all. */
  inspect(bytes: Buffer): Promise<ImageFacts | null>;
  /** A WebP of `size`, cropped to cover, upright, without metadata; null when the picture cannot be decoded within `maxSide`. */
  toWebp(bytes: Buffer, size: ImageSize, maxSide: number): Promise<Buffer | null>;
}

/** An upload checked and converted: the WebP to keep, or why there is none. */
export type ConvertedImage = { readonly ok: true; readonly image: Buffer } | { readonly ok: false; readonly problem: ImageProblem };

/** Checks an upload against `limits` by its bytes, then converts it to a WebP of `size` (no camera details, no GPS kept). */
export async function convertUpload(converter: ImageConverter, upload: Buffer, limits: ImageLimits, size: ImageSize): Promise<ConvertedImage> {
  const problem = imageProblem(upload.byteLength, await converter.inspect(upload), limits);
  if (problem) return { ok: false, problem };
  const image = await converter.toWebp(upload, size, limits.maxSide);
  return image ? { ok: true, image } : { ok: false, problem: 'unreadable' };
}

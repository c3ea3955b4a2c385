import sharp from 'sharp';
import type { ImageConverter } from './images.ts';

/** Pictures read and converted with sharp (libvips), off the event loop. */
export function sharpImages(): ImageConverter {
  return {
    async inspect(bytes) {
      try {
        const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
        return { format: metadata.format, width: metadata.width, height: metadata.height };
      } catch {
        return null;
      }
    },
    async toWebp(bytes, size, maxSide) {
      try {
        // Decoding stops at this many pixels, whatever the header claimed: a second guard against decompression bombs.
        // rotate() with no angle applies the EXIF orientation; the output keeps no metadata unless asked to.
        return await sharp(bytes, { limitInputPixels: maxSide * maxSide, failOn: 'error' })
          .rotate()
          .resize(size.width, size.height, { fit: 'cover' })
          .webp({ quality: 82 })
          .toBuffer();
      } catch {
        return null;
      }
    },
  };
}

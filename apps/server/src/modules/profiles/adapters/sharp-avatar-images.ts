import sharp from 'sharp';
import type { AvatarImages } from '../application/ports.ts';
import { AVATAR_MAX_SIDE } from '../domain/avatar-rules.ts';

// Decoding stops at this many pixels, whatever the header claimed: a second guard against decompression bombs.
const MAX_INPUT_PIXELS = AVATAR_MAX_SIDE * AVATAR_MAX_SIDE;

/** Pictures read and converted with sharp (libvips), off the event loop. */
export function sharpAvatarImages(): AvatarImages {
  return {
    async inspect(bytes) {
      try {
        const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
        return { format: metadata.format, width: metadata.width, height: metadata.height };
      } catch {
        return null;
      }
    },
    async toAvatar(bytes, side) {
      try {
        // rotate() with no angle applies the EXIF orientation; the output keeps no metadata unless asked to.
        return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
          .rotate()
          .resize(side, side, { fit: 'cover' })
          .webp({ quality: 82 })
          .toBuffer();
      } catch {
        return null;
      }
    },
  };
}

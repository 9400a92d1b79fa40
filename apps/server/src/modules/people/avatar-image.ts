import { LIMITS } from '@atrium/contracts';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { payloadTooLarge, unsupportedFile } from '../../platform/http/errors.ts';

export const AVATAR_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const AVATAR_SIZES = { small: 64, large: 256 } as const;
export type AvatarSize = keyof typeof AVATAR_SIZES;

/** Decoding bombs: a small file can declare a huge canvas; refuse before decoding it. */
const MAX_INPUT_PIXELS = 40_000_000;

export type AvatarRenditions = Record<AvatarSize, Buffer>;

/**
 * Turns uploaded bytes into square webp renditions. The type is sniffed from the bytes (the name and
 * the declared type are the client's word, not evidence); metadata is dropped by re-encoding.
 */
export async function renderAvatar(bytes: Buffer): Promise<AvatarRenditions> {
  if (bytes.length > LIMITS.avatarBytes) throw payloadTooLarge('An avatar is at most 5 MB.');
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(AVATAR_MIME_TYPES as readonly string[]).includes(type.mime)) {
    throw unsupportedFile('An avatar must be a PNG, JPEG, WebP or GIF image.');
  }
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(bytes, { limitInputPixels: false }).metadata());
  } catch {
    throw unsupportedFile('The image could not be read.');
  }
  if (!width || !height) throw unsupportedFile('The image could not be read.');
  if (width * height > MAX_INPUT_PIXELS) throw payloadTooLarge('The image has too many pixels.');
  const render = (size: number) =>
    sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate() // honour EXIF orientation before the metadata is dropped
      .resize(size, size, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  try {
    const [small, large] = await Promise.all([render(AVATAR_SIZES.small), render(AVATAR_SIZES.large)]);
    return { small, large };
  } catch {
    throw unsupportedFile('The image could not be read.');
  }
}

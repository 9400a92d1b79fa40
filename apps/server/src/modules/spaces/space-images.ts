import { LIMITS } from '@atrium/contracts';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { payloadTooLarge, unsupportedFile } from '../../platform/http/errors.ts';
import { AVATAR_MIME_TYPES, renderAvatar } from '../people/avatar-image.ts';

/** A space has two images: a square avatar (like a person's) and a wide cover banner. */
export const SPACE_IMAGE_KINDS = ['avatar', 'cover'] as const;
export type SpaceImageKind = (typeof SPACE_IMAGE_KINDS)[number];
export type ImageSize = 'small' | 'large';
export type SpaceImageRenditions = Record<ImageSize, Buffer>;

/** Cover renditions, 3:1. */
const COVER_SIZES = { small: { width: 600, height: 200 }, large: { width: 1500, height: 500 } } as const;
const MAX_INPUT_PIXELS = 40_000_000;

export const maxBytesOf = (kind: SpaceImageKind): number =>
  kind === 'avatar' ? LIMITS.avatarBytes : LIMITS.coverBytes;
export const maxSizeText = (kind: SpaceImageKind) =>
  `A space ${kind} is at most ${maxBytesOf(kind) / (1024 * 1024)} MB.`;

/** One `files` row per image; each size is one object under its storage key. */
export const imageObjectKey = (storageKey: string, size: ImageSize): string => `${storageKey}/${size}.webp`;

/**
 * Turns uploaded bytes into webp renditions: the type is sniffed from the bytes, metadata is dropped
 * by re-encoding. Avatars go through the people module's renderer, covers through the same steps.
 */
export async function renderSpaceImage(kind: SpaceImageKind, bytes: Buffer): Promise<SpaceImageRenditions> {
  if (kind === 'avatar') return renderAvatar(bytes);
  if (bytes.length > LIMITS.coverBytes) throw payloadTooLarge(maxSizeText(kind));
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(AVATAR_MIME_TYPES as readonly string[]).includes(type.mime)) {
    throw unsupportedFile('A cover must be a PNG, JPEG, WebP or GIF image.');
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
  const render = (size: ImageSize) =>
    sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(COVER_SIZES[size].width, COVER_SIZES[size].height, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  try {
    const [small, large] = await Promise.all([render('small'), render('large')]);
    return { small, large };
  } catch {
    throw unsupportedFile('The image could not be read.');
  }
}

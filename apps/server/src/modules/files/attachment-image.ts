import sharp, { type Metadata, type Sharp } from 'sharp';
import { payloadTooLarge, unsupportedFile } from '../../platform/http/errors.ts';

/** The longest side of a thumbnail; smaller images are not enlarged. */
export const THUMBNAIL_SIZE = 480;
/** Decoding bombs: a small file can declare a huge canvas (all frames of an animation count). */
const MAX_INPUT_PIXELS = 60_000_000;

export interface ProcessedImage {
  /** The image re-encoded in its own format: orientation applied, EXIF/XMP/ICC comments and GPS dropped. */
  original: Buffer;
  /** A webp of the first frame, at most THUMBNAIL_SIZE on its longest side. */
  thumbnail: Buffer;
  width: number;
  height: number;
}

const unreadable = () => unsupportedFile('The image could not be read.');

function encodeAs(pipeline: Sharp, mimeType: string): Sharp {
  switch (mimeType) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 90, mozjpeg: true });
    case 'image/png':
      return pipeline.png({ compressionLevel: 9 });
    case 'image/gif':
      return pipeline.gif();
    default:
      return pipeline.webp({ quality: 90 });
  }
}

/**
 * Re-encodes an uploaded image (sharp writes no metadata unless asked, so location and camera data
 * go) and renders its thumbnail. Animated GIF and WebP keep their frames.
 */
export async function processImage(bytes: Buffer, mimeType: string): Promise<ProcessedImage> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { animated: true, limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  if (!metadata.width || !metadata.height) throw unreadable();
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) {
    throw payloadTooLarge('The image has too many pixels.');
  }
  const source = (animated: boolean) =>
    sharp(bytes, { animated, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
  try {
    const [original, thumbnail] = await Promise.all([
      encodeAs(source(true), mimeType).toBuffer({ resolveWithObject: true }),
      source(false)
        .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer(),
    ]);
    return {
      original: original.data,
      thumbnail,
      width: original.info.width,
      height: original.info.pageHeight ?? original.info.height,
    };
  } catch {
    throw unreadable();
  }
}

import type { ImageMetadata } from 'astro';

/** Every image under the content folder, by path relative to it (`cases/dmc/map.png`). */
const images = Object.fromEntries(
  Object.entries(import.meta.glob<ImageMetadata>('@content/**/*.{png,jpg,jpeg,webp,avif,svg}', { eager: true, import: 'default' })).map(([key, value]) => [
    key.replace(/^.*?(?=(cases|pages)\/)/, ''),
    value,
  ]),
);

/**
 * An image next to a case's text, by the `src` an author wrote (`./diagram.svg`).
 * The content lint has already checked that it exists; this error is a safety net.
 */
export function contentImage(folder: string, src: string): ImageMetadata {
  const key = `${folder}/${src.replace(/^\.\//, '')}`;
  const image = images[key];
  if (!image) throw new Error(`content/${key} not found: add the image or fix <Figure src="${src}">`);
  return image;
}

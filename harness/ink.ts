export type Rgb = [number, number, number];

/** The dotted line under a term on a light page (#0f766e in components/page-marks-css.ts). */
export const LIGHT_TERM_LINE: Rgb = [15, 118, 110];

/**
 * Counts the pixels of a PNG (base64) within 40 per channel of `rgb`. Runs in a blank page of the browser under test
 * (passed to its `evaluate`), which decodes the image on a canvas, so the tests need no image library. It must not
 * declare inner functions: it is sent as source.
 */
export async function countInk([data, [r, g, b]]: [string, Rgb]): Promise<number> {
  const img = new Image();
  img.src = `data:image/png;base64,${data}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(img, 0, 0);
  const px = context.getImageData(0, 0, img.width, img.height).data;
  let count = 0;
  for (let i = 0; i < px.length; i += 4)
    if (Math.abs(px[i]! - r) <= 40 && Math.abs(px[i + 1]! - g) <= 40 && Math.abs(px[i + 2]! - b) <= 40) count++;
  return count;
}

/**
 * WCAG 2 contrast, shared by the host script (embed.js) and the embedded app: a host's accent colour is
 * the background of white button text, so both refuse one that white text cannot be read on.
 */

/** Relative luminance of a `rrggbb` colour (with or without `#`), as WCAG 2 defines it. */
export function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.replace('#', '').slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Whether `value` is a `rrggbb` colour (the `#` as the caller's format wants it) that white text reads on at 4.5:1 (WCAG AA). */
export const isReadableAccent = (value: string, hash: boolean): boolean =>
  (hash ? /^#[0-9a-f]{6}$/i : /^[0-9a-f]{6}$/i).test(value) && contrastRatio(value, 'ffffff') >= 4.5;

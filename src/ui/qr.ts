/**
 * QR code as an SVG path, with lean-qr (MIT, no dependency, about 3.7 kB gzip). Imported only by
 * HandoffPanel, which the app loads with `import()`: the library never reaches the entry chunk
 * (test/unit/handoff-panel.test.ts checks that nothing else imports it). No DOM.
 */
import { correction, generate } from 'lean-qr';

/** Modules of white around the code: the 4 the standard asks for. */
export const QUIET_ZONE = 4;

export interface QrImage {
  /** Modules a side, quiet zone included: the SVG's viewBox is `0 0 size size`. */
  size: number;
  /** QR version (1–40), from the code's own size. */
  version: number;
  /** One rectangle per run of dark modules in a row, in module units, offset by the quiet zone. */
  path: string;
}

/**
 * The smallest code that holds the text at error correction L at least; lean-qr then raises the
 * correction as far as that size allows (M or better for our links), which helps a camera through glare.
 */
export function qrImage(text: string): QrImage {
  const code = generate(text, { minCorrectionLevel: correction.L });
  let path = '';
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size;) {
      if (!code.get(x, y)) { x++; continue; }
      const start = x;
      while (x < code.size && code.get(x, y)) x++;
      path += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`;
    }
  }
  return { size: code.size + 2 * QUIET_ZONE, version: (code.size - 17) / 4, path };
}

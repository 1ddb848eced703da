// @vitest-environment happy-dom
/**
 * The hand-off panel: the QR code it draws decodes back to the link (jsQR reads the rasterised SVG path),
 * the link can be copied (or is selected when the clipboard refuses), and the QR library stays out of
 * everything but the panel's lazily loaded module.
 */
import jsQR from 'jsqr';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeHandoff, handoffUrl } from '../../src/platform/handoff';
import { initAppStrings } from '../support/i18n';
import { PROCEDURE_IDS } from '../../src/rules/engine';
import { MAX_PROPOSALS } from '../../src/rules/facts';
import { RULES_VERSION } from '../../src/rules/version';
import HandoffPanel from '../../src/ui/HandoffPanel';
import { QUIET_ZONE, qrImage } from '../../src/ui/qr';
import { FULL_MASTER, FULL_PARCOURSUP } from '../support/handoff-fixtures';

const ORIGIN = 'https://recourssup.education.example.fr/';
const SCALE = 4;

/** The SVG path (one `M x y h w v1 h-w z` per run of dark modules) as black-on-white RGBA pixels. */
function rasterise(size: number, path: string): { data: Uint8ClampedArray; width: number } {
  const width = size * SCALE;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  const runs = [...path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)];
  expect(runs.map((m) => m[0]).join('')).toBe(path);
  for (const [, x0, y0, w] of runs) {
    for (let y = Number(y0) * SCALE; y < (Number(y0) + 1) * SCALE; y++) {
      for (let x = Number(x0) * SCALE; x < (Number(x0) + Number(w)) * SCALE; x++) {
        const i = (y * width + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return { data, width };
}

const decode = (size: number, path: string) => {
  const { data, width } = rasterise(size, path);
  return jsQR(data, width, width)?.data;
};

const urls = {
  master: handoffUrl(ORIGIN, encodeHandoff({ answers: FULL_MASTER, procedures: ['master-referral'] }, RULES_VERSION)),
  parcoursup: handoffUrl(ORIGIN, encodeHandoff({ answers: FULL_PARCOURSUP, procedures: ['parcoursup-accompaniment', 'parcoursup-reexamination'] }, RULES_VERSION)),
  both: handoffUrl(ORIGIN, encodeHandoff({ answers: { ...FULL_MASTER, ...FULL_PARCOURSUP }, procedures: PROCEDURE_IDS }, RULES_VERSION)),
};

describe('QR code', () => {
  it('decodes back to the link, quiet zone included (versions measured)', () => {
    const versions: Record<string, number> = {};
    for (const [name, url] of Object.entries(urls)) {
      const qr = qrImage(url);
      expect(decode(qr.size, qr.path), name).toBe(url);
      // The quiet zone is white: no run starts before it or ends inside it on the far side.
      for (const [, x, y, w] of qr.path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
        expect(Number(x)).toBeGreaterThanOrEqual(QUIET_ZONE);
        expect(Number(y)).toBeGreaterThanOrEqual(QUIET_ZONE);
        expect(Number(x) + Number(w)).toBeLessThanOrEqual(qr.size - QUIET_ZONE);
        expect(Number(y)).toBeLessThan(qr.size - QUIET_ZONE);
      }
      versions[name] = qr.version;
    }
    // Measured with this 40-character origin: URLs of 299 (master), 351 (Parcoursup) and 547 characters
    // (both) give versions 11, 12 and 16: 69, 73 and 89 modules a side with the quiet zone, so 3.6 px a
    // module for one platform's answers at the panel's 264 px.
    expect(versions.master).toBeLessThanOrEqual(11);
    expect(versions.parcoursup).toBeLessThanOrEqual(12);
    expect(versions.both).toBeLessThanOrEqual(16);
  });

  it('still decodes with the longest record after the referral the format allows', () => {
    const proposals = Array.from({ length: MAX_PROPOSALS }, (_, i) => ({
      notified: `2026-07-${String(12 + i).padStart(2, '0')}`, answer: 'refused' as const, answered: `2026-07-${String(13 + i).padStart(2, '0')}`,
    }));
    const answers = { master: { ...FULL_MASTER.master, referralSent: '2026-07-11', rectorProposals: proposals } };
    const url = handoffUrl(ORIGIN, encodeHandoff({ answers, procedures: ['master-referral'] }, RULES_VERSION));
    const qr = qrImage(url);
    expect(decode(qr.size, qr.path)).toBe(url);
    // Measured: 1,250 characters, version 25 (ten proposals); three proposals, the usual case: 606, version 17.
    expect(qr.version).toBeLessThanOrEqual(25);
  });
});

describe('hand-off panel', () => {
  beforeAll(() => initAppStrings('fr'));
  let root: HTMLElement;
  afterEach(() => { render(null, root); root.remove(); vi.unstubAllGlobals(); });

  const mount = async (url: string) => {
    root = document.createElement('div');
    document.body.append(root);
    await act(() => render(h(HandoffPanel, { url }), root));
    return root;
  };

  it('shows the QR code as a labelled image, the link and the privacy sentence', async () => {
    const el = await mount(urls.master);
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/QR/);
    expect(Number(svg.getAttribute('width'))).toBeGreaterThanOrEqual(200);
    const size = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    expect(decode(size, svg.querySelector('path')!.getAttribute('d')!)).toBe(urls.master);
    expect(svg.querySelector('path')!.getAttribute('fill')).toBe('#000');
    expect(svg.querySelector('rect')!.getAttribute('fill')).toBe('#fff');
    const input = el.querySelector('input')!;
    expect(input.value).toBe(urls.master);
    expect(input.readOnly).toBe(true);
    expect(el.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    expect(el.textContent).toMatch(/jamais à un serveur/);
    expect(el.textContent).toMatch(/historique/);
  });

  it('copies the link and says so in a status region', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const el = await mount(urls.master);
    const status = el.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('');
    await act(async () => { el.querySelector('button')!.click(); });
    expect(writeText).toHaveBeenCalledWith(urls.master);
    expect(status.textContent).toBe('Lien copié.');
  });

  it('selects the link when the clipboard is refused, and says so', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    const el = await mount(urls.master);
    const input = el.querySelector('input')!;
    const select = vi.spyOn(input, 'select');
    await act(async () => { el.querySelector('button')!.click(); });
    expect(select).toHaveBeenCalled();
    expect(el.querySelector('[role="status"]')!.textContent).toMatch(/sélectionné/);
  });
});

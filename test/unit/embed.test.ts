// @vitest-environment happy-dom
/** The embed kit without a browser: contrast, the host's options, the query both sides agree on, the height messages. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contrastRatio, isReadableAccent } from '../../src/embed/contrast';
import { frameUrl, heightFrom, hostOptions, MAX_HEIGHT, MIN_HEIGHT, PROCEDURES, TITLES } from '../../src/embed/host';
import { LANGUAGES } from '../../src/i18n';
import { embedded, embedOptions, embedSearchParams, focusHeading, fullAppHref, startEmbedded, startHeightReporter } from '../../src/platform/embedded';
import { stepToSearch } from '../../src/questionnaire/steps';
import { PROCEDURE_IDS } from '../../src/rules/engine';

const warnings = () => {
  const seen: string[] = [];
  return { seen, warn: (m: string) => void seen.push(m) };
};

describe('contrast', () => {
  it('is 21:1 for black on white, 1:1 for a colour on itself, whichever comes first', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('ffffff', '000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#1d4f91', '#1d4f91')).toBe(1);
  });

  it('matches known pairs on the 4.5:1 boundary', () => {
    // #767676 is the lightest grey that passes on white, #777777 the first that fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(4.0, 2);
    expect(contrastRatio('#ffff00', '#ffffff')).toBeCloseTo(1.07, 2);
  });

  it('accepts an accent only in the caller\'s format and readable under white text', () => {
    expect(isReadableAccent('#767676', true)).toBe(true);
    expect(isReadableAccent('#777777', true)).toBe(false);
    expect(isReadableAccent('#1d4f91', true)).toBe(true); // the app's own
    expect(isReadableAccent('1d4f91', true)).toBe(false);
    expect(isReadableAccent('1d4f91', false)).toBe(true);
    expect(isReadableAccent('#1d4f91', false)).toBe(false);
    for (const bad of ['red;}', '#000', '#0000000', 'navy', '', '#12345g']) expect(isReadableAccent(bad, true), bad).toBe(false);
  });
});

describe('host options (data- attributes of embed.js)', () => {
  it('knows exactly the app\'s languages, and maps each procedure to the app\'s ids', () => {
    expect(Object.keys(TITLES).sort()).toEqual([...LANGUAGES].sort());
    for (const ids of Object.values(PROCEDURES)) for (const id of ids.split(',')) expect(PROCEDURE_IDS).toContain(id);
  });

  it('takes valid options as they are, with no warning', () => {
    const w = warnings();
    expect(hostOptions({ lang: 'ar', procedure: 'master', accent: '#1D4F91', height: '900', target: 'here' }, w.warn)).toEqual({
      lang: 'ar', procedures: 'master-referral', accent: '1D4F91', height: 900, title: TITLES.ar, target: 'here',
    });
    expect(hostOptions({ title: 'Vos recours' }, w.warn)).toEqual({
      lang: 'fr', procedures: null, accent: null, height: 640, title: 'Vos recours', target: null,
    });
    expect(w.seen).toEqual([]);
  });

  it('falls back on anything unknown, one warning each, naming the attribute', () => {
    const w = warnings();
    const o = hostOptions({ lang: 'xx', procedure: 'nope', accent: 'red;}', height: 'tall' }, w.warn);
    expect(o).toEqual({ lang: 'fr', procedures: null, accent: null, height: 640, title: TITLES.fr, target: null });
    expect(w.seen).toHaveLength(4);
    expect(w.seen.join('\n')).toMatch(/data-lang "xx"[^]*data-procedure "nope"[^]*data-accent "red;}"[^]*data-height "tall"/);
  });

  it('refuses an accent white text cannot be read on, and a procedure name from Object\'s prototype', () => {
    const w = warnings();
    expect(hostOptions({ accent: '#ffff00', procedure: 'toString', lang: 'constructor' }, w.warn)).toMatchObject({ accent: null, procedures: null, lang: 'fr' });
    expect(w.seen).toHaveLength(3);
  });

  it('keeps the reserved height within bounds', () => {
    const w = warnings();
    expect(hostOptions({ height: '10' }, w.warn).height).toBe(MIN_HEIGHT);
    expect(hostOptions({ height: '1e9' }, w.warn).height).toBe(MAX_HEIGHT);
    expect(w.seen).toEqual([]);
  });

  it('builds the app\'s address beside embed.js, and the app reads back exactly those options', () => {
    const w = warnings();
    const o = hostOptions({ lang: 'en', procedure: 'parcoursup', accent: '#8a1538' }, w.warn);
    const url = new URL(frameUrl('https://app.example/recours/embed.js?v=2', o, 'https://www.ac-example.fr'));
    expect(url.origin + url.pathname).toBe('https://app.example/recours/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      embed: '1', lang: 'en', for: 'parcoursup-accompaniment,parcoursup-reexamination', accent: '8a1538', host: 'https://www.ac-example.fr',
    });
    expect(embedOptions(url.search, w.warn)).toEqual({
      lang: 'en', procedures: ['parcoursup-accompaniment', 'parcoursup-reexamination'], accent: '8a1538', hostOrigin: 'https://www.ac-example.fr',
    });
    expect(w.seen).toEqual([]);
  });
});

describe('height messages at the host', () => {
  const frame = {} as Window;
  const other = {} as Window;
  const app = 'https://app.example';
  const event = (data: unknown, origin = app, source: Window | null = frame) => ({ data, origin, source }) as MessageEvent;
  const ok = { type: 'recourssup:height', height: 812.4 };

  it('takes the height from its own frame at the app\'s origin', () => {
    expect(heightFrom(event(ok), frame, app)).toBe(812);
    expect(heightFrom(event({ ...ok, height: 5 }), frame, app)).toBe(MIN_HEIGHT);
    expect(heightFrom(event({ ...ok, height: 1e12 }), frame, app)).toBe(MAX_HEIGHT);
  });

  it('ignores another window, another origin, another shape, and a frame not loaded yet', () => {
    expect(heightFrom(event(ok, app, other), frame, app)).toBeNull();
    expect(heightFrom(event(ok, app, null), frame, app)).toBeNull();
    expect(heightFrom(event(ok, 'https://evil.example'), frame, app)).toBeNull();
    expect(heightFrom(event(ok), null, app)).toBeNull();
    for (const data of [null, 'recourssup:height', { type: 'other', height: 500 }, { type: 'recourssup:height', height: '500' },
      { type: 'recourssup:height', height: Number.NaN }, { type: 'recourssup:height', height: Infinity }, { type: 'recourssup:height' }]) {
      expect(heightFrom(event(data), frame, app), JSON.stringify(data)).toBeNull();
    }
  });
});

describe('embedOptions (the app\'s query in a frame)', () => {
  it('is null unless embed=1', () => {
    expect(embedOptions('')).toBeNull();
    expect(embedOptions('?step=licence&for=master-referral')).toBeNull();
    expect(embedOptions('?embed=0&host=https://a.example')).toBeNull();
  });

  it('falls back on unknown values with a warning each', () => {
    const w = warnings();
    expect(embedOptions('?embed=1&lang=xx&for=nope,master-referral&accent=ffff00&host=https://a.example', w.warn)).toEqual({
      lang: 'fr', procedures: ['master-referral'], accent: null, hostOrigin: 'https://a.example',
    });
    expect(w.seen).toHaveLength(3);
    expect(embedOptions('?embed=1&for=nope&accent=red%3B%7D&host=https://a.example', w.warn)).toMatchObject({ procedures: PROCEDURE_IDS, accent: null });
    expect(w.seen).toHaveLength(5);
  });

  it('reports to an http(s) origin only, reduced to its origin', () => {
    const host = (h: string) => embedOptions(`?embed=1&host=${encodeURIComponent(h)}`, () => undefined)!.hostOrigin;
    expect(host('https://www.ac-example.fr/page?x=1')).toBe('https://www.ac-example.fr');
    expect(host('http://localhost:8080')).toBe('http://localhost:8080');
    for (const bad of ['*', 'null', '', 'javascript:alert(1)', 'file:///etc', 'data:text/html,x', 'www.example.fr']) expect(host(bad), bad).toBeNull();
    const w = warnings();
    expect(embedOptions('?embed=1', w.warn)?.hostOrigin).toBeNull();
    expect(w.seen).toEqual(['host "" is not an http(s) origin: the frame\'s height will not be reported']);
  });
});

describe('height reporter (the app in a frame)', () => {
  let resized: () => void = () => undefined;
  const observed: unknown[] = [];
  class FakeResizeObserver {
    constructor(callback: () => void) { resized = callback; }
    observe(target: unknown) { observed.push(target); }
    disconnect() { resized = () => undefined; }
  }
  afterEach(() => { vi.unstubAllGlobals(); observed.length = 0; });

  function setup(hostOrigin: string | null) {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    let height = 700.2;
    const root = { getBoundingClientRect: () => ({ height }) } as unknown as Element;
    const host = { postMessage: vi.fn() };
    const stop = startHeightReporter(hostOrigin, host, root);
    return { host, stop, root, setHeight: (h: number) => { height = h; resized(); } };
  }

  it('posts the height at once, then on each change (growing and shrinking), to the host\'s exact origin, and nothing else', () => {
    const { host, root, setHeight, stop } = setup('https://www.ac-example.fr');
    expect(observed).toEqual([root]);
    setHeight(1500);
    setHeight(1500); // unchanged: not sent again
    setHeight(400);
    stop();
    setHeight(900); // stopped
    expect(host.postMessage.mock.calls).toEqual([
      [{ type: 'recourssup:height', height: 701 }, 'https://www.ac-example.fr'],
      [{ type: 'recourssup:height', height: 1500 }, 'https://www.ac-example.fr'],
      [{ type: 'recourssup:height', height: 400 }, 'https://www.ac-example.fr'],
    ]);
  });

  it('sends nothing, and observes nothing, without a valid host origin', () => {
    const { host, setHeight } = setup(null);
    setHeight(1200);
    expect(host.postMessage).not.toHaveBeenCalled();
    expect(observed).toEqual([]);
  });
});

describe('startEmbedded', () => {
  it('applies a readable accent to the primary colour, and says the app is embedded', () => {
    expect(embedded()).toBeNull();
    startEmbedded({ lang: 'fr', procedures: ['master-referral'], accent: '8a1538', hostOrigin: null });
    expect(document.documentElement.style.getPropertyValue('--accent')).toBe('#8a1538');
    expect(embedded()?.procedures).toEqual(['master-referral']);
  });

  it('focuses a heading without scrolling the host page before the student has used the frame', () => {
    const h1 = document.createElement('h1');
    const focus = vi.spyOn(h1, 'focus');
    focusHeading(h1);
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
  });

  it('links to the full app with the same procedures and none of the embedding options', () => {
    expect(fullAppHref({ lang: 'en', procedures: ['master-referral'], accent: '8a1538', hostOrigin: 'https://a.example' })).toBe(`${location.pathname}?for=master-referral`);
    expect(fullAppHref({ lang: 'en', procedures: PROCEDURE_IDS, accent: null, hostOrigin: null })).toBe(location.pathname);
  });
});

describe('embedding options across steps', () => {
  it('keeps embed.js options in the URL of every step, and nothing else of the old query', () => {
    const keep = embedSearchParams('?embed=1&lang=ar&accent=1d4f91&host=https%3A%2F%2Fsite.example&step=licence&for=master-referral&x=1');
    const search = stepToSearch({ kind: 'question', page: 'refusals' }, ['master-referral'], keep);
    const q = new URLSearchParams(search);
    expect(Object.fromEntries(q)).toEqual({ embed: '1', lang: 'ar', accent: '1d4f91', host: 'https://site.example', step: 'refusals', for: 'master-referral' });
    expect(embedOptions(search, () => undefined)).toMatchObject({ lang: 'ar', accent: '1d4f91', hostOrigin: 'https://site.example' });
  });

  it('adds nothing at the top level', () => {
    expect(embedSearchParams('?step=licence')).toBeUndefined();
    expect(stepToSearch({ kind: 'start' }, ['master-referral'], embedSearchParams(''))).toBe('?for=master-referral');
  });
});

/**
 * The boundaries the linter holds: a forbidden import fails `npm run lint` with a message saying why. Each
 * probe is linted as if it were a file of the folder it names, with the project's own configuration.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: `${__dirname}/../..` });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint', () => {
  it('passes on the whole tree (what `npm run lint` checks)', async () => {
    const results = await eslint.lintFiles(['.']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('lint boundaries', () => {
  const boundary = (words: RegExp) => expect.stringMatching(new RegExp(`^boundaries/imports: .*${words.source}`));

  it('src/rules imports only src/rules, and reads no clock or DOM, however written', async () => {
    const forbidden = boundary(/src\/rules imports only src\/rules/);
    for (const code of [
      'import { t } from \'../i18n\';\nexport const x = t;\n',
      'import { t } from \'./../i18n\';\nexport const x = t;\n',
      'import { localToday } from \'../today\';\nexport const x = localToday;\n',
      'import fr from \'../../locales/fr.json\';\nexport const x = fr;\n',
      'import { get } from \'idb-keyval\';\nexport const x = get;\n',
      'import fs from \'fs\';\nexport const x = fs;\n',
      'export { App } from \'../ui/App\';\n',
      'export const load = () => import(\'../ui/App\');\n',
    ]) expect(await problems('src/rules/probe.ts', code), code).toEqual([forbidden]);
    expect(await problems('src/rules/probe.tsx', 'import { App } from \'../ui/App\';\nexport const x = App;\n')).toEqual([forbidden]);
    expect(await problems('src/rules/probe.ts', 'export const now = Date.now();\n')).toEqual([expect.stringMatching(/no-restricted-globals/)]);
    expect(await problems('src/rules/probe.ts', 'export const now = globalThis.Date.now();\n')).toEqual([expect.stringMatching(/no-restricted-globals/)]);
    expect(await problems('src/rules/probe.ts', 'import { addDays } from \'./civil-date\';\nexport const x = addDays;\n')).toEqual([]);
    expect(await problems('src/rules/procedures/probe.ts', 'import { addDays } from \'../civil-date\';\nexport const x = addDays;\n')).toEqual([]);
  });

  it('src/embed imports only its own folder', async () => {
    const forbidden = boundary(/src\/embed imports only src\/embed/);
    expect(await problems('src/embed/probe.ts', 'import { RULES_VERSION } from \'../rules/version\';\nexport const x = RULES_VERSION;\n')).toEqual([forbidden]);
    expect(await problems('src/embed/probe.ts', 'import { RULES_VERSION } from \'./../rules/version\';\nexport const x = RULES_VERSION;\n')).toEqual([forbidden]);
    expect(await problems('src/embed/probe.ts', 'export const v = () => import(\'../rules/version\');\n')).toEqual([forbidden]);
    expect(await problems('src/embed/probe.ts', 'import { h } from \'preact\';\nexport const x = h;\n')).toEqual([forbidden]);
    expect(await problems('src/embed/probe.ts', 'import { HEIGHT_MESSAGE } from \'./protocol\';\nexport const x = HEIGHT_MESSAGE;\n')).toEqual([]);
  });

  it('src/platform and src/questionnaire import no UI; src/questionnaire no platform', async () => {
    expect(await problems('src/platform/probe.ts', 'import { App } from \'../ui/App\';\nexport const x = App;\n')).toEqual([boundary(/imports no UI/)]);
    expect(await problems('src/platform/probe.tsx', 'import { h } from \'preact\';\nexport const x = h;\n')).toEqual([boundary(/imports no UI/)]);
    expect(await problems('src/questionnaire/probe.ts', 'import { progress } from \'../platform/progress\';\nexport const x = progress;\n'))
      .toEqual([boundary(/no platform code/)]);
    expect(await problems('src/questionnaire/probe.ts', 'export const p = () => import(\'../platform/progress\');\n')).toEqual([boundary(/no platform code/)]);
    expect(await problems('src/questionnaire/probe.ts', 'import { h } from \'preact\';\nexport const x = h;\n')).toEqual([boundary(/imports no UI/)]);
    expect(await problems('src/questionnaire/probe.ts', 'import { PAGES } from \'../rules/questions\';\nexport const x = PAGES;\n')).toEqual([]);
  });
});

describe('lint layout', () => {
  it('holds one layout: a file written otherwise fails, and `--fix` writes it the project’s way', async () => {
    const sloppy = 'export const x = { a: "b",\n    c: 1 }\n';
    expect(await problems('src/rules/probe.ts', sloppy)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^@stylistic\/quotes/), expect.stringMatching(/^@stylistic\/semi/), expect.stringMatching(/^@stylistic\/indent/),
    ]));
    const fixer = new ESLint({ cwd: `${__dirname}/../..`, fix: true });
    const [fixed] = await fixer.lintText(sloppy, { filePath: 'src/rules/probe.ts' });
    expect(fixed!.output).toBe('export const x = { a: \'b\',\n  c: 1 };\n');
  });
});

describe('lint: what the app shows and loads', () => {
  it('refuses text written in a component: between tags, as a string child, or in an attribute a person perceives', async () => {
    const literal = /recourssup\/no-literal-text/;
    expect(await problems('src/ui/Probe.tsx', 'export const A = () => <p>Bonjour</p>;\n')).toEqual([expect.stringMatching(literal)]);
    expect(await problems('src/ui/Probe.tsx', 'export const A = () => <p>{\'Bonjour\'}</p>;\n')).toContainEqual(expect.stringMatching(literal));
    expect(await problems('src/ui/Probe.tsx', 'export const A = () => <button aria-label="Fermer" />;\n')).toEqual([expect.stringMatching(literal)]);
    expect(await problems('src/ui/Probe.tsx', 'export const A = () => <img alt={`logo`} />;\n')).toContainEqual(expect.stringMatching(literal));
    // Not text: a class name, a punctuation mark, a key looked up in locales.
    expect(await problems('src/ui/Probe.tsx', 'declare const t: (k: string) => string;\nexport const A = () => <p class="notice">{t(\'ui.x\')} · 2</p>;\n')).toEqual([]);
  });

  it('keeps the QR library out of the first load: only the panel imports it, and the panel is only import()ed', async () => {
    const qr = /no-restricted-imports: .*The QR code is loaded on demand/;
    expect(await problems('src/ui/ResultPage.tsx', 'import { qrImage } from \'./qr\';\nexport const x = qrImage;\n')).toEqual([expect.stringMatching(qr)]);
    expect(await problems('src/main.tsx', 'import Panel from \'./ui/HandoffPanel\';\nexport const x = Panel;\n')).toEqual([expect.stringMatching(qr)]);
    expect(await problems('src/ui/App.tsx', 'import { encode } from \'lean-qr\';\nexport const x = encode;\n')).toEqual([expect.stringMatching(qr)]);
    expect(await problems('src/ui/ContinueOnPhone.tsx', 'export const load = () => import(\'./HandoffPanel\');\n')).toEqual([]);
    expect(await problems('src/ui/HandoffPanel.tsx', 'import { qrImage } from \'./qr\';\nexport const x = qrImage;\n')).toEqual([]);
  });
});

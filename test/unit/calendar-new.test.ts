/** `npm run calendar:new`: a new session's files, every date null and unpublished, read by the rules at once. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scaffold, TO_FILL } from '../../scripts/calendar-new';
import { MONMASTER_FIELDS, PARCOURSUP_FIELDS } from '../../src/rules/calendars/index';

const source = join(__dirname, '../../src/rules/calendars');
let dir = '';
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe('calendar:new', () => {
  it('scaffolds both platforms unpublished, every date null with a source to fill, and lists them in files.ts', () => {
    dir = mkdtempSync(join(tmpdir(), 'calendars-'));
    cpSync(source, dir, { recursive: true });
    const written = scaffold(2099, dir, '2098-12-01');
    expect(written.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['monmaster-2099.json', 'parcoursup-2099.json']);
    for (const [platform, fields] of [['parcoursup', PARCOURSUP_FIELDS], ['monmaster', MONMASTER_FIELDS]] as const) {
      const cal = JSON.parse(readFileSync(join(dir, `${platform}-2099.json`), 'utf8'));
      expect(cal).toMatchObject({ platform, session: 2099, published: false, updated: '2098-12-01' });
      expect(Object.keys(cal.dates)).toEqual([...fields]);
      for (const d of Object.values<{ date: null; source: string }>(cal.dates)) expect(d).toEqual({ date: null, source: TO_FILL, provisional: true });
    }
    const index = readFileSync(join(dir, 'files.ts'), 'utf8');
    expect(index).toContain('import parcoursup2099 from \'./parcoursup-2099.json\';');
    expect(index).toContain('import monmaster2099 from \'./monmaster-2099.json\';');
    // The folder's own index is what the script would write: nobody edits it by hand.
    expect(readFileSync(join(source, 'files.ts'), 'utf8')).toBe(readFileSync(join(dir, 'files.ts'), 'utf8').replace(/.*2099.*\n/g, ''));
  });

  it('never overwrites a session that has its files', () => {
    dir = mkdtempSync(join(tmpdir(), 'calendars-'));
    cpSync(source, dir, { recursive: true });
    const before = readFileSync(join(dir, 'parcoursup-2026.json'), 'utf8');
    expect(scaffold(2026, dir)).toEqual([]);
    expect(readFileSync(join(dir, 'parcoursup-2026.json'), 'utf8')).toBe(before);
  });
});

/** The rules book is derived from the rules: every condition and every calendar date, each with its source. */
import { describe, expect, it } from 'vitest';
import fr from '../../locales/fr.json';
import { rulesBook, type BookInputs } from '../../src/rules/book';
import { MONMASTER_CALENDARS, PARCOURSUP_CALENDARS } from '../../src/rules/calendars/index';
import { childrenOf, PROCEDURE_IDS, Registry, type Condition, type ProcedureDef, type Registry as RegistryType } from '../../src/rules/engine';
import { CONDITIONS, PROCEDURES, REGISTRY } from '../../src/rules/evaluate';
import { getPath } from '../../src/rules/facts';
import { paragraphByAnchor } from '../../src/rules/legal/index';
import { RULES_VERSION } from '../../src/rules/version';

const KINDS = ['law', 'platform', 'practice'];
const CALENDARS = [...PARCOURSUP_CALENDARS, ...MONMASTER_CALENDARS];

/** What a procedure may evaluate, listed independently of the book: gates, recoveries, described conditions, children. */
function reachable(def: ProcedureDef, registry: RegistryType): Set<string> {
  const out = new Set<string>();
  const add = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    for (const child of childrenOf(registry.get(id))) add(child);
  };
  for (const g of def.gates) { add(g.condition); if (g.recoverable) add(g.recoverable); }
  (def.describes ?? []).forEach(add);
  return out;
}

describe('rules book', () => {
  const book = rulesBook();

  it('lists the procedures in their order, with the rules version', () => {
    expect(book.rulesVersion).toBe(RULES_VERSION);
    expect(book.procedures.map((p) => p.id)).toEqual(PROCEDURE_IDS);
  });

  it('lists every condition of every procedure exactly once, with a source and a valid kind', () => {
    for (const p of book.procedures) {
      const ids = p.conditions.map((c) => c.id);
      expect(new Set(ids).size, p.id).toBe(ids.length);
      expect(new Set(ids), p.id).toEqual(reachable(PROCEDURES[p.id], REGISTRY));
      for (const c of p.conditions) {
        const registered = REGISTRY.get(c.id)!;
        expect(c.source.trim(), c.id).not.toBe('');
        expect(c.source).toBe(registered.source);
        expect(KINDS, c.id).toContain(c.kind);
        expect(c.kind).toBe(registered.kind);
      }
    }
  });

  it('leaves no registered condition out', () => {
    const listed = new Set(book.procedures.flatMap((p) => p.conditions.map((c) => c.id)));
    expect(listed).toEqual(new Set(CONDITIONS.map((c) => c.id)));
  });

  it('walks as the engine does: the gates in order, each with the status it decides, then the others', () => {
    for (const p of book.procedures) {
      const def = PROCEDURES[p.id];
      const gates = p.conditions.filter((c) => c.role === 'gate');
      expect(gates.map((c) => [c.id, c.onFalse]), p.id).toEqual(def.gates.map((g) => [g.condition, g.onFalse]));
      expect(p.conditions[0]!.id).toBe(def.gates[0]!.condition);
      for (const g of def.gates.filter((x) => x.recoverable)) {
        expect(p.conditions.find((c) => c.id === g.recoverable)?.role).toBe('recovery');
      }
      for (const c of p.conditions) if (c.role !== 'gate') expect(c.onFalse).toBeNull();
    }
  });

  it('has a sentence in French for every condition, and an anchor only into the shipped texts', () => {
    for (const c of book.procedures.flatMap((p) => p.conditions)) {
      expect(getPath(fr, c.messageKey), c.messageKey).toEqual(expect.any(String));
      expect(c.anchor).toBe(REGISTRY.get(c.id)!.anchor ?? null);
      if (c.anchor) expect(paragraphByAnchor(c.anchor), c.anchor).toBeDefined();
    }
  });

  it('lists what follows a procedure once used: the Master referral\'s proposals, each rule with its article and sentence', () => {
    for (const p of book.procedures) {
      expect(p.after.map((r) => r.id), p.id).toEqual((PROCEDURES[p.id].followUp?.rules ?? []).map((r) => r.id));
      for (const r of p.after) {
        expect(KINDS, r.id).toContain(r.kind);
        if (r.kind === 'law') expect(r.source, r.id).toMatch(/^R612-36-3 /);
        expect(getPath(fr, r.messageKey), r.messageKey).toEqual(expect.any(String));
        if (r.anchor) expect(paragraphByAnchor(r.anchor), r.anchor).toBeDefined();
      }
    }
    const master = book.procedures.find((p) => p.id === 'master-referral')!;
    expect(master.after.find((r) => r.id === 'ma.proposal-eight-days')).toMatchObject({ source: 'R612-36-3 I al. 8', kind: 'law', anchor: 'R612-36-3-I-al8' });
    expect(master.after.find((r) => r.id === 'ma.commission')).toMatchObject({ source: 'R612-36-3 III', anchor: 'R612-36-3-III' });
    // Only the Master referral has a follow-up today.
    expect(book.procedures.filter((p) => p.after.length).map((p) => p.id)).toEqual(['master-referral']);
  });

  it('states how a request is sent once, in the book: the re-examination\'s medical papers under confidential cover (D612-1-27 al. 2)', () => {
    const reexamination = book.procedures.find((p) => p.id === 'parcoursup-reexamination')!;
    expect(reexamination.sending).toEqual([{ id: 'pr.medical-confidential', source: 'D612-1-27 al. 2', kind: 'law',
      messageKey: 'book.sendingRules.pr.medical-confidential', anchor: null }]);
    // The law's own name for him, in the sentence.
    expect(getPath(fr, reexamination.sending[0]!.messageKey)).toContain('médecin conseiller technique du recteur de région académique');
    expect(book.procedures.filter((p) => p.sending.length).map((p) => p.id)).toEqual(['parcoursup-reexamination']);
  });

  it('lists every calendar date with its source, published or not', () => {
    expect(book.calendars.map((c) => `${c.platform}-${c.session}`)).toEqual(CALENDARS.map((c) => `${c.platform}-${c.session}`));
    for (const [i, cal] of book.calendars.entries()) {
      const file = CALENDARS[i]!;
      expect(cal.updated).toBe(file.updated);
      expect(cal.published).toBe(file.published);
      expect(cal.dates.map((d) => d.key)).toEqual(Object.keys(file.dates));
      for (const d of cal.dates) {
        const from = (file.dates as Record<string, { date: string | null; source: string; provisional: boolean }>)[d.key]!;
        expect(d.source.trim(), `${cal.platform}-${cal.session}.${d.key}`).not.toBe('');
        expect(d).toEqual({ key: d.key, value: from.date, source: from.source, provisional: from.provisional });
        expect(getPath(fr, `calendarFields.${d.key}`), d.key).toEqual(expect.any(String));
      }
    }
  });

  it('is derived: a condition or a calendar date added to the rules appears', () => {
    const added: Condition = { id: 'ma.new-rule', source: 'R612-36-3 IV', kind: 'practice', inputs: [], test: () => true };
    const part: Condition = { id: 'ma.new-part', source: 'R612-36-3 V', kind: 'platform', inputs: [], test: () => true };
    const composite: Condition = { id: 'ma.new-gate', source: 'R612-36-3 VI', kind: 'law', all: ['ma.new-part', 'ma.licence-dnl'] };
    const registry = new Registry([...CONDITIONS, added, part, composite]);
    const master = PROCEDURES['master-referral'];
    const inputs: BookInputs = {
      procedures: {
        ...PROCEDURES,
        'master-referral': {
          ...master, describes: ['ma.new-rule'], gates: [...master.gates, { condition: 'ma.new-gate', onFalse: 'not-eligible' }],
          followUp: { ...master.followUp!, rules: [...master.followUp!.rules, { id: 'ma.new-after', source: 'R612-36-3 IV', kind: 'law' }] },
        },
      },
      registry,
      calendars: [...CALENDARS, { platform: 'monmaster', session: 2099, published: false, updated: '2027-01-02', dates: { applicationsOpen: { date: null, source: 'Not published', provisional: false } } }],
      rulesVersion: '2027.1',
    };
    const altered = rulesBook(inputs);
    const conditions = altered.procedures.find((p) => p.id === 'master-referral')!.conditions;
    expect(new Set(conditions.map((c) => c.id))).toEqual(reachable(inputs.procedures['master-referral'], registry));
    expect(conditions).toHaveLength(rulesBook().procedures.find((p) => p.id === 'master-referral')!.conditions.length + 3);
    expect(conditions.find((c) => c.id === 'ma.new-gate')).toMatchObject({ role: 'gate', onFalse: 'not-eligible', source: 'R612-36-3 VI' });
    expect(conditions.find((c) => c.id === 'ma.new-part')).toMatchObject({ role: 'part', kind: 'platform' });
    expect(conditions.find((c) => c.id === 'ma.new-rule')).toMatchObject({ role: 'describes', kind: 'practice' });
    // ma.licence-dnl was already listed (first gate): not twice.
    expect(conditions.filter((c) => c.id === 'ma.licence-dnl')).toHaveLength(1);
    expect(altered.calendars.at(-1)).toEqual({ platform: 'monmaster', session: 2099, published: false, updated: '2027-01-02', dates: [{ key: 'applicationsOpen', value: null, source: 'Not published', provisional: false }] });
    expect(altered.rulesVersion).toBe('2027.1');
    expect(altered.procedures.find((p) => p.id === 'master-referral')!.after.at(-1))
      .toEqual({ id: 'ma.new-after', source: 'R612-36-3 IV', kind: 'law', messageKey: 'followUp.rules.ma.new-after', anchor: null });
  });
});

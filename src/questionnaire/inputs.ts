/**
 * What the student types, field by field, and how it becomes a fact: parsing and the messages of the
 * questionnaire's own checks (the facts format's consistency checks come from `validateFacts`).
 * Raw input is kept as typed, so that nothing entered is lost when a page does not validate.
 */
import { fromParts, isCivilDate, type CivilDate } from '../rules/civil-date';
import { EARLIEST_DATE, fieldSpec, getPath, MAX_COUNT, setPath, SHARES_APPLICATIONS, validateFacts, type FactError, type Facts, type FieldType } from '../rules/facts';

export interface DateInput { day: string; month: string; year: string; none: boolean }
export type RawValue = string | string[] | DateInput;

/** Date fields where "not yet" is an answer (`null` in the facts format): read from the schema. */
export const isNullableDate = (path: string): boolean => {
  const t = fieldSpec(path);
  return t?.type === 'date' && t.nullable;
};

export interface FieldError { field: string; code: string; params?: Record<string, string | number> }

export const fieldType = (path: string): FieldType => {
  const t = fieldSpec(path);
  if (!t) throw new Error(`unknown field ${path}`);
  return t;
};

const WHOLE = /^\s*\d{1,4}\s*$/;

/** Digits as phones type them in Arabic (٠–٩, and the Persian ۰–۹), read as the digits they are. */
export const asciiDigits = (s: string): string => s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) & 0xf));

/** A civil date as the three fields a student types ("5", "7", "2026"). */
export function dateParts(date: CivilDate): { day: string; month: string; year: string } {
  return { year: date.slice(0, 4), month: String(Number(date.slice(5, 7))), day: String(Number(date.slice(8, 10))) };
}

/** Three typed fields → the civil date, or why not: not three numbers with a four-digit year, or no such day. */
export function readDate(typed: { day: string; month: string; year: string }): { date: CivilDate } | { error: 'date-parts' | 'date-invalid' } {
  const d = { day: asciiDigits(typed.day), month: asciiDigits(typed.month), year: asciiDigits(typed.year) };
  if (![d.day, d.month, d.year].every((p) => WHOLE.test(p)) || d.year.trim().length !== 4) return { error: 'date-parts' };
  const date = fromParts(Number(d.year), Number(d.month), Number(d.day));
  return isCivilDate(date) ? { date } : { error: 'date-invalid' };
}

/**
 * The raw form of a stored value, to prefill a page. An unanswered question stays unanswered: nothing
 * is ticked for the student (a set not answered is `undefined`, never "none of these").
 */
export function toRaw(path: string, value: unknown): RawValue | undefined {
  const t = fieldType(path);
  if (t.type === 'date') {
    if (value === null) return { day: '', month: '', year: '', none: true };
    if (typeof value === 'string' && isCivilDate(value)) return { ...dateParts(value), none: false };
    return { day: '', month: '', year: '', none: false };
  }
  if (t.type === 'set') return Array.isArray(value) ? (value as string[]) : undefined;
  if (t.type === 'list') return undefined;
  if (t.type === 'boolean') return value === true ? 'yes' : value === false ? 'no' : '';
  return value === undefined || value === null ? '' : String(value);
}

/** Three typed date fields → the date (or `null`, "not yet", where the field allows it), or an error code. */
export function parseDate(path: string, d: DateInput | undefined, today: CivilDate, nullable = false):
{ value?: CivilDate | null; error?: FieldError } {
  const fail = (code: string, params?: FieldError['params']) => ({ error: { field: path, code, ...(params ? { params } : {}) } });
  if (d?.none && nullable) return { value: null };
  if (!d || (!d.day.trim() && !d.month.trim() && !d.year.trim())) return fail('required-date');
  const read = readDate(d);
  if ('error' in read) return fail(read.error);
  if (read.date > today) return fail('date-future');
  if (read.date < EARLIEST_DATE) return fail('date-too-early', { min: EARLIEST_DATE });
  return { value: read.date };
}

/** One field's raw input → its value, or an error code. `noneChosen` for a set: "none of these" ticked. */
export function parseField(path: string, typed: RawValue | undefined, today: CivilDate): { value?: unknown; error?: FieldError } {
  const t = fieldType(path);
  const raw = typeof typed === 'string' ? asciiDigits(typed) : typed;
  const fail = (code: string, params?: FieldError['params']) => ({ error: { field: path, code, ...(params ? { params } : {}) } });
  switch (t.type) {
    case 'boolean':
      return raw === 'yes' ? { value: true } : raw === 'no' ? { value: false } : fail('choose-one');
    case 'count':
      if (typeof raw !== 'string' || raw.trim() === '') return fail('required-number');
      if (!WHOLE.test(raw)) return fail('whole-number');
      return Number(raw) > MAX_COUNT ? fail('count-too-large', { max: MAX_COUNT }) : { value: Number(raw) };
    case 'year': {
      const max = Number(today.slice(0, 4)) + 1;
      if (typeof raw !== 'string' || raw.trim() === '') return fail('required-year');
      if (!WHOLE.test(raw)) return fail('year-format');
      const y = Number(raw);
      return y >= 1950 && y <= max ? { value: y } : fail('year-range', { min: 1950, max });
    }
    case 'date':
      return parseDate(path, raw as DateInput | undefined, today, isNullableDate(path));
    case 'session':
      return typeof raw === 'string' && WHOLE.test(raw) ? { value: Number(raw) } : fail('choose-one');
    case 'region':
    case 'enum':
      return typeof raw === 'string' && raw !== '' ? { value: raw } : fail('choose-one');
    case 'set':
      return Array.isArray(raw) ? { value: raw } : fail('choose-some');
    case 'list':
      // A list (the rector's proposals) is recorded on its own page, never typed into one field.
      throw new Error(`${path} is not a question's field`);
  }
}

/**
 * A page's raw inputs → the answers to record, or every problem: each field's own, then the format's
 * consistency checks on the answers as they would stand (e.g. more refusals than applications).
 */
export function parsePage(fields: readonly string[], raw: Readonly<Record<string, RawValue | undefined>>, answers: Facts, today: CivilDate):
  { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldError[] } {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const f of fields) {
    const r = parseField(f, raw[f], today);
    if (r.error) errors.push(r.error);
    else values[f] = r.value;
  }
  if (errors.length) return { ok: false, errors };
  let merged: Facts = answers;
  for (const [f, v] of Object.entries(values)) merged = setPath(merged, f, v);
  const v = validateFacts(merged, today);
  if (!v.ok) {
    const mine = v.errors.filter((e) => fields.includes(e.field) || isConsistencyOf(e.field, fields));
    if (mine.length) return { ok: false, errors: mine.map((e) => onThisPage(e, fields, merged)) };
  }
  return { ok: true, values };
}

/**
 * A consistency error, on the field of this page the student can fix, with the figure that would fit:
 * "at most 6 refusals" when 6 applications are left once the positive answers and contract searches count.
 */
function onThisPage(e: FactError, fields: readonly string[], merged: Facts): FieldError {
  const field = fields.includes(e.field) ? e.field : fields.find((f) => (SHARES_APPLICATIONS as readonly string[]).includes(f)) ?? fields[0]!;
  const params: Record<string, string | number> = { ...e.params };
  if (e.code === 'answers-exceed-applications') {
    const n = (path: string) => (getPath(merged, path) as number | undefined) ?? 0;
    params.max = Math.max(0, n('master.applications') - SHARES_APPLICATIONS.filter((f) => f !== field).reduce((sum, f) => sum + n(f), 0));
  }
  return { field, code: e.code, params };
}

// A consistency error reported on another field of the same group (e.g. applications vs refusals).
const isConsistencyOf = (field: string, fields: readonly string[]) =>
  field.startsWith('master.') && fields.some((f) => f.startsWith('master.'));

/**
 * A page's raw inputs as the answers a what-if applies at once (counsellor mode): each field that reads
 * well, and `undefined` for each one that does not (left blank, mistyped, or at odds with the other
 * answers), so that the outcomes never rest on a value no longer on screen. The errors themselves wait
 * for the counsellor to ask (`parsePage`).
 */
export function whatIfValues(fields: readonly string[], raw: Readonly<Record<string, RawValue | undefined>>, answers: Facts, today: CivilDate):
Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) values[f] = parseField(f, raw[f], today).value;
  const read = fields.filter((f) => values[f] !== undefined);
  // The consistency checks, against the other answers as they stand without this page's unread fields.
  let others = answers;
  for (const f of fields) if (values[f] === undefined) others = setPath(others, f, undefined);
  const checked = parsePage(read, raw, others, today);
  if (!checked.ok) for (const e of checked.errors) values[e.field] = undefined;
  return values;
}

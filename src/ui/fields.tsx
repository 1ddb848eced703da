/** One input per field type of the facts format; labels and options from locales, errors beside the field. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { i18next, t } from '../i18n';
import type { DateInput, FieldError, RawValue } from '../questionnaire/inputs';
import { fieldType, isNullableDate } from '../questionnaire/inputs';
import { isCivilDate, type CivilDate } from '../rules/civil-date';
import { formatDate } from './format';
import { ACADEMIES, REGION_IDS, regionOfAcademie } from '../rules/regions';
import { sessionChoices } from '../rules/sessions';

export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** The figure a message counts, by code: its noun agrees with it (Arabic's dual "رفضين", French "1 candidature"). */
const COUNTED: Readonly<Record<string, string>> = {
  'answers-exceed-applications': 'applications', 'exceeds-refusals': 'refusals', 'null-with-refusals': 'refusals',
};

/** A field's error in words: the questionnaire's own messages first, then the facts format's (consistency between fields). */
export const fieldErrorMessage = (e: FieldError): string => {
  // Dates in a message read as dates ("1 janvier 1900"), not as the format's YYYY-MM-DD.
  const params: Record<string, unknown> = Object.fromEntries(Object.entries(e.params ?? {})
    .map(([k, v]) => [k, typeof v === 'string' && isCivilDate(v) ? formatDate(v, false) : v]));
  const counted = Object.hasOwn(COUNTED, e.code) ? COUNTED[e.code] : undefined;
  if (counted !== undefined && typeof params[counted] === 'number') params.count = params[counted];
  return i18next.exists(`form.errors.${e.code}`, params) ? t(`form.errors.${e.code}`, params) : t(`errors.${e.code}`, params);
};

interface FieldProps {
  page: string;
  path: string;
  /** The day the answers are about: the sessions offered depend on it. */
  today: CivilDate;
  value: RawValue | undefined;
  error?: string;
  /** `undefined`: the question is unanswered again (nothing ticked). */
  onChange: (value: RawValue | undefined) => void;
  /** The page has only this field: its label is the page's question (the h1), not repeated. */
  alone: boolean;
}

const label = (page: string, path: string) => t(`questions.${page}.fields.${path}`);

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? <p class="field-error" id={`${id}-error`}><span class="visually-hidden">{t('ui.fieldError')} </span>{error}</p> : null;
}

function Group({ legend, children, error, id }: { legend: string; children: ComponentChildren; error?: string | undefined; id: string }) {
  return (
    <fieldset class={`field${error ? ' has-error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend class="field-label">{legend}</legend>
      <ErrorText id={id} error={error} />
      {children}
    </fieldset>
  );
}

interface RadiosProps { id: string; name: string; options: [string, string][]; value: string; onChange: (v: string) => void }

export function Radios({ id, name, options, value, onChange }: RadiosProps) {
  return (
    <div class="radios">
      {options.map(([v, text], i) => (
        <label class="choice" key={v}>
          <input type="radio" name={name} id={i === 0 ? id : `${id}-${v}`} value={v} checked={value === v} onChange={() => onChange(v)} />
          <span>{text}</span>
        </label>
      ))}
    </div>
  );
}

/** The académies in the reader's alphabetical order, sorted once per language (32 names compared each render would show). */
const sortedAcademies = new Map<string, readonly string[]>();
const academiesInOrder = (): readonly string[] => {
  const lang = i18next.language;
  let list = sortedAcademies.get(lang);
  if (!list) {
    const collator = new Intl.Collator(); // as String.localeCompare orders them
    list = ACADEMIES.map((a) => [a, t(`academies.${a}`)] as const).sort((x, y) => collator.compare(x[1], y[1])).map(([a]) => a);
    sortedAcademies.set(lang, list);
  }
  return list;
};

/**
 * The région académique, chosen directly or through the académie (a student may know only theirs): the
 * région an académie sets is said aloud and on screen, never changed silently.
 */
function RegionField({ page, path, id, value, error, described, onChange }:
  {
    page: string; path: string; id: string; value: string | undefined; error?: string; described: string | undefined;
    onChange: (v: RawValue) => void;
  }) {
  const academyId = `${id}-academy`;
  const [academy, setAcademy] = useState<string | null>(null);
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label class="field-label" for={id}>{label(page, path)}</label>
      <ErrorText id={id} error={error} />
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={described} value={value ?? ''}
        onChange={(e) => { setAcademy(null); onChange((e.target as HTMLSelectElement).value); }}>
        <option value="">{t(`questions.${page}.regionNone`)}</option>
        {REGION_IDS.map((r) => <option key={r} value={r}>{t(`regions.${r}`)}</option>)}
      </select>
      <label class="field-label" for={academyId}>{t(`questions.${page}.academy`)}</label>
      <select id={academyId} value={academy ?? ''} onChange={(e) => {
        const chosen = (e.target as HTMLSelectElement).value;
        const region = regionOfAcademie(chosen);
        setAcademy(region ? chosen : null);
        if (region) onChange(region.id);
      }}>
        <option value="">{t(`questions.${page}.academyNone`)}</option>
        {academiesInOrder().map((a) => (
          <option key={a} value={a}>{t(`academies.${a}`)}</option>
        ))}
      </select>
      <p class="hint" role="status">
        {academy && value ? t('form.academyRegion', { academy: t(`academies.${academy}`), region: t(`regions.${value}`) }) : ''}
      </p>
    </div>
  );
}

export function Field({ page, path, today, value, error, onChange, alone }: FieldProps) {
  const id = fieldId(path);
  const type = fieldType(path);
  const described = error ? `${id}-error` : undefined;
  switch (type.type) {
    case 'boolean':
      // Alone on its page: the page's fieldset and legend (the h1) already name it.
      return (
        <div class={`field${error ? ' has-error' : ''}`}>
          <ErrorText id={id} error={error} />
          <Radios id={id} name={id} value={(value as string) ?? ''} onChange={onChange}
            options={[['yes', t('ui.yes')], ['no', t('ui.no')]]} />
        </div>
      );
    case 'enum':
      return (
        <div class={`field${error ? ' has-error' : ''}`}>
          <ErrorText id={id} error={error} />
          <Radios id={id} name={id} value={(value as string) ?? ''} onChange={onChange}
            options={type.values.map((v) => [v, t(`questions.${page}.options.${v}`)] as [string, string])} />
        </div>
      );
    case 'session':
      // The rentrées the student may mean today, each named with its state ("ended", "next").
      return (
        <div class={`field${error ? ' has-error' : ''}`}>
          <ErrorText id={id} error={error} />
          <Radios id={id} name={id} value={(value as string) ?? ''} onChange={onChange}
            options={sessionChoices(type.platform, today).map(({ session, state }) =>
              [String(session), t(`questions.${page}.options.${state}`, { year: session })] as [string, string])} />
        </div>
      );
    case 'set': {
      const chosen = Array.isArray(value) ? value : undefined;
      // Unticking the last situation leaves the question unanswered: "none" is only ever ticked by the student.
      const toggle = (v: string, on: boolean) => {
        const rest = (chosen ?? []).filter((x) => x !== v);
        onChange(on ? [...rest, v] : rest.length ? rest : undefined);
      };
      return (
        <div class={`field${error ? ' has-error' : ''}`}>
          <ErrorText id={id} error={error} />
          <div class="checkboxes">
            {type.values.map((v, i) => (
              <label class="choice" key={v}>
                <input type="checkbox" id={i === 0 ? id : `${id}-${v}`} checked={chosen?.includes(v) ?? false} onChange={(e) => toggle(v, (e.target as HTMLInputElement).checked)} />
                <span>{t(`questions.${page}.options.${v}`)}</span>
              </label>
            ))}
            {/* "None" excludes the others (GOV.UK checkboxes): set apart by "or". */}
            <p class="choice-or" aria-hidden="true">{t('ui.or')}</p>
            <label class="choice choice-none">
              <input type="checkbox" id={`${id}-none`} checked={chosen !== undefined && chosen.length === 0}
                onChange={(e) => onChange((e.target as HTMLInputElement).checked ? [] : undefined)} />
              <span>{t(`questions.${page}.none`)}</span>
            </label>
          </div>
        </div>
      );
    }
    case 'count':
    case 'year':
      return (
        <div class={`field${error ? ' has-error' : ''}`}>
          <label class={alone ? 'field-label visually-hidden' : 'field-label'} for={id}>{label(page, path)}</label>
          <ErrorText id={id} error={error} />
          <input class={type.type === 'year' ? 'input-year' : 'input-count'} id={id} name={id} type="text" inputMode="numeric"
            autoComplete="off" spellcheck={false} aria-invalid={error ? true : undefined} aria-describedby={described}
            value={(value as string) ?? ''} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />
        </div>
      );
    case 'region':
      return <RegionField page={page} path={path} id={id} value={value as string | undefined} described={described} onChange={onChange}
        {...(error ? { error } : {})} />;
    case 'date':
      return <DateGroup id={id} legend={label(page, path)} error={error} value={value as DateInput | undefined} onChange={onChange}
        {...(isNullableDate(path) ? { none: t(`questions.${page}.none`) } : {})} />;
  }
}

/** A date as the three fields a student types (GOV.UK's date input), with "not yet" where `none` names it. */
export function DateGroup({ id, legend, error, value, onChange, none }:
  { id: string; legend: string; error?: string | undefined; value: DateInput | undefined; onChange: (d: DateInput) => void; none?: string }) {
  const d: DateInput = value ?? { day: '', month: '', year: '', none: false };
  const set = (k: keyof DateInput, v: string | boolean) => onChange({ ...d, [k]: v });
  return (
    <Group legend={legend} error={error} id={id}>
      <p class="hint" id={`${id}-hint`}>{t('form.dateHint')}</p>
      <div class="date-parts">
        {(['day', 'month', 'year'] as const).map((k) => (
          <div class="date-part" key={k}>
            <label for={k === 'day' ? id : `${id}-${k}`}>{t(`form.${k}`)}</label>
            <input id={k === 'day' ? id : `${id}-${k}`} class={`input-${k}`} type="text" inputMode="numeric" autoComplete="off"
              aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`} aria-invalid={error ? true : undefined} disabled={none !== undefined && d.none}
              value={d[k]} onInput={(e) => set(k, (e.target as HTMLInputElement).value)} />
          </div>
        ))}
      </div>
      {none !== undefined && (
        <label class="choice">
          <input type="checkbox" id={`${id}-none`} checked={d.none} onChange={(e) => set('none', (e.target as HTMLInputElement).checked)} />
          <span>{none}</span>
        </label>
      )}
    </Group>
  );
}

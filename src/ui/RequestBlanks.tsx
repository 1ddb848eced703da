import { t } from '../i18n';
import type { DetailKey, Details } from '../platform/prepared';
import type { ProcedureId } from '../rules/procedure-ids';

/** The student's choice to keep the blanks on the device (never offered in counsellor mode). */
export interface Keep { on: boolean; onChange: (on: boolean) => void; status: 'kept' | 'forgotten' | null }

interface Props {
  procedure: ProcedureId;
  keys: readonly DetailKey[];
  details: Details;
  onChange: (key: DetailKey, value: string) => void;
  keep?: Keep;
}

/** What the browser may offer to fill in: the student's own name, address and email; nothing for the rest. */
const AUTOCOMPLETE: Readonly<Record<DetailKey, string>> = { name: 'name', ine: 'off', address: 'street-address', contact: 'email', dossier: 'off', project: 'off' };
const MULTILINE: readonly DetailKey[] = ['address', 'project'];

/** The letter's blanks: typed here, shown in the letter below as they are typed. */
export function RequestBlanks({ procedure, keys, details, onChange, keep }: Props) {
  return (
    <div class="prepare-form no-print">
      {keys.map((k) => {
        const id = `blank-${k}`;
        // The project is written in French, as the letter is: its example is French in every language.
        const hint = k === 'project'
          ? <>{t(`prepare.blanks.project.hint.${procedure}`)} <bdi lang="fr">{t(`prepare.blanks.project.example.${procedure}`)}</bdi></>
          : k === 'ine' ? t('prepare.blanks.ine.hint') : null;
        const common = {
          // dir auto: French typed in an Arabic page reads left to right.
          id, value: details[k] ?? '', autoComplete: AUTOCOMPLETE[k], dir: 'auto' as const, ...(hint ? { 'aria-describedby': `${id}-hint` } : {}),
          onInput: (e: Event) => onChange(k, (e.target as HTMLInputElement | HTMLTextAreaElement).value),
        };
        return (
          <div class="field" key={k}>
            <label class="field-label" for={id}>{t(`prepare.blanks.${k}.label`)}</label>
            {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
            {MULTILINE.includes(k) ? <textarea rows={k === 'project' ? 3 : 2} maxLength={2000} {...common} /> : <input type="text" maxLength={200} {...common} />}
          </div>
        );
      })}
      {keep && (
        <div class="field keep">
          <div class="choice">
            <input type="checkbox" id="blank-keep" checked={keep.on} aria-describedby="blank-keep-hint"
              onChange={(e) => keep.onChange((e.target as HTMLInputElement).checked)} />
            <label for="blank-keep">{t('prepare.blanks.keep')}</label>
          </div>
          <p class="hint" id="blank-keep-hint">{t('prepare.blanks.keepHint')}</p>
          <p class="keep-status" role="status">{keep.status && t(`prepare.blanks.${keep.status}`)}</p>
        </div>
      )}
    </div>
  );
}

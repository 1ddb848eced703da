import { t } from '../i18n';
import type { DocumentItem } from '../rules/documents';
import { formatDate } from './format';
import { Heading, type Level } from './Heading';
import { Source } from './Source';

interface Props {
  items: readonly DocumentItem[];
  ticked: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  counsellor: boolean;
  level: Level;
}

const label = (d: DocumentItem) => t(`prepare.items.${d.text}.label`, d.n === undefined ? {} : { n: d.n, count: d.n });
const where = (d: DocumentItem) => (d.from === undefined ? t(`prepare.items.${d.text}.where`)
  : d.from ? t(`prepare.items.${d.text}.where`, { date: formatDate(d.from, false) }) : t(`prepare.items.${d.text}.where_nodate`));
/** Items of one kind in a row (the refusals) say where to get them once, on the first of the run. */
function runStart(items: readonly DocumentItem[], i: number): number {
  let start = i;
  while (start > 0 && items[start - 1]!.text === items[i]!.text) start--;
  return start;
}

/** The documents to gather, ticked as the student gets them; each says where to get it and what asks for it. */
export function DocumentChecklist({ items, ticked, onToggle, counsellor, level }: Props) {
  const done = items.filter((d) => ticked.has(d.id)).length;
  return (
    <section class="prepare-step" aria-labelledby="prepare-documents">
      <Heading level={level} id="prepare-documents">{t('prepare.documents.title')}</Heading>
      <p class="hint no-print">{t(counsellor ? 'prepare.documents.leadCounsellor' : 'prepare.documents.lead')}</p>
      <p class="checklist-progress" role="status">{t('prepare.documents.progress', { done, count: items.length })}</p>
      <ul class="checklist">
        {items.map((d, i) => {
          const described = items[runStart(items, i)]!;
          const first = described === d;
          return (
            <li key={d.id} class="checklist-item">
              <input type="checkbox" id={`doc-${d.id}`} checked={ticked.has(d.id)} aria-describedby={`doc-${described.id}-where`}
                onChange={(e) => onToggle(d.id, (e.target as HTMLInputElement).checked)} />
              <div>
                <label for={`doc-${d.id}`}>{label(d)}</label>
                {first && (
                  <p class="checklist-where" id={`doc-${d.id}-where`}>
                    {where(d)}
                    {d.confidential && <strong class="checklist-confidential"> {t('prepare.documents.confidential')}.</strong>}
                    {' '}<Source source={d.source} kind={d.kind} />
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {/* The rule itself (D612-1-27 al. 2) is in the rules book: here, what it means for these items, and the way
          there (a new tab: blanks typed and not kept stay in this one). */}
      {items.some((d) => d.confidential) && (
        <p class="confidential-rule">{t('prepare.documents.confidentialPointer')}{' '}
          <a class="no-print" href="?step=book" target="_blank" rel="noopener">{t('prepare.documents.confidentialLink')}<span class="visually-hidden"> {t('ui.newTab')}</span></a>
        </p>
      )}
    </section>
  );
}

import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import type { Kind } from '../rules/types';

// A private-use character no translation contains: a sentence splits there, around what goes in it.
export const SLOT = '\uE000';

/** A translated sentence with `node` where its parameter was given as SLOT. */
export function inSlot(sentence: string, node: ComponentChildren) {
  const [before, after] = sentence.split(SLOT);
  return <>{before}{node}{after}</>;
}

/** « Source : R612-36-3 I al. 1 (loi) », the source isolated as the French it is: in an Arabic page it keeps its own direction. */
export function Source({ source, kind }: { source: string; kind: Kind | 'context' }) {
  return <span class="source">{inSlot(t('result.source', { source: SLOT, kind: t(`kinds.${kind}`) }), <bdi lang="fr">{source}</bdi>)}</span>;
}

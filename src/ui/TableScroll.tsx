import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

/** A wide table scrolls within itself on a narrow screen (WCAG 1.4.10 allows it for data tables), never the page. */
export const TableScroll = ({ label, children }: { label: string; children: ComponentChildren }) => (
  <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>
);

/** The column headings of the rules book's tables (`book.col.*`). */
export const ColumnHeads = ({ columns }: { columns: string[] }) => (
  <thead><tr>{columns.map((c) => <th key={c} scope="col">{t(`book.col.${c}`)}</th>)}</tr></thead>
);

import type { ComponentChildren } from 'preact';

/** A wide table scrolls within itself on a narrow screen (WCAG 1.4.10 allows it for data tables), never the page. */
export const TableScroll = ({ label, children }: { label: string; children: ComponentChildren }) => (
  <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>
);

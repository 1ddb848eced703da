import type { ComponentChildren } from 'preact';

/** The prepare page's steps are h2 on the student's page, h3 inside counsellor mode's panel: one outline either way. */
export type Level = 2 | 3 | 4;

export function Heading({ level, id, children }: { level: Level; id?: string; children: ComponentChildren }) {
  const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
  return <Tag id={id}>{children}</Tag>;
}

/** The heading one level below (never deeper than h4 here). */
export const below = (level: Level): Level => (level === 2 ? 3 : 4);

/** `locale-part:<lang>/<shell|journey>`: part of locales/<lang>.json (see vite.config.ts, src/locale-parts.ts). */
declare module 'locale-part:*' {
  const strings: Record<string, unknown>;
  export default strings;
}

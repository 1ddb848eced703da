/**
 * The three articles the rules encode, as structured data (article, paragraph, alinéa, anchor).
 * Heavy: the UI loads it with `import()`, the rules only carry anchors into it.
 * D612-1-25 to D612-1-27 are cited by the re-examination rules but their text is not shipped yet.
 */
import texts from './texts.json';

export interface LegalParagraph { anchor: string; label: string; text: string }
export interface LegalArticle { id: string; code: string; version: string; paragraphs: LegalParagraph[] }

export const LEGAL_TEXTS = texts as { consulted: string; articles: LegalArticle[] };

export function paragraphByAnchor(anchor: string): { article: LegalArticle; paragraph: LegalParagraph } | undefined {
  for (const article of LEGAL_TEXTS.articles) {
    const paragraph = article.paragraphs.find((p) => p.anchor === anchor);
    if (paragraph) return { article, paragraph };
  }
  return undefined;
}

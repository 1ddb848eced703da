/** i18next as the app has it once the questionnaire's code is there: French whole, as Flow.tsx and PreparePage.tsx complete it. */
import fr from '../../locales/fr.json';
import { addJourneyStrings, initI18n, type Language } from '../../src/i18n';
import { localePart } from '../../src/locale-parts';

export async function initAppStrings(lang: Language = 'fr'): Promise<void> {
  await initI18n(lang);
  addJourneyStrings(localePart(fr, 'journey'));
  addJourneyStrings(localePart(fr, 'prepare'));
}

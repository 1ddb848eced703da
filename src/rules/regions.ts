/**
 * Régions académiques, their académies, and what the Master referral needs to know of each
 * (docs/rulings.md §"Master referral" and §Régions). Names are shown from locales (`regions.<id>`, `academies.<id>`).
 */

export type RegionId =
  | 'auvergne-rhone-alpes' | 'bourgogne-franche-comte' | 'bretagne' | 'centre-val-de-loire' | 'corse'
  | 'grand-est' | 'guadeloupe' | 'guyane' | 'hauts-de-france' | 'ile-de-france' | 'la-reunion'
  | 'martinique' | 'mayotte' | 'normandie' | 'nouvelle-aquitaine' | 'occitanie' | 'pays-de-la-loire'
  | 'provence-alpes-cote-d-azur' | 'nouvelle-caledonie' | 'polynesie-francaise' | 'wallis-et-futuna';

export interface Region {
  id: RegionId;
  /** The académies of the région (a student may know only theirs). */
  academies: readonly string[];
  /** Who receives requests: the rector of the région académique, or the vice-rector. */
  authority: 'recteur' | 'vice-recteur';
  /**
   * Universities in the territory: 'several' applies R612-36-3 I al. 2 (5 refusals, 2 mentions,
   * 2 establishments); 'one' does not; 'none' (Wallis-et-Futuna) has no verified referral route.
   */
  universities: 'several' | 'one' | 'none';
  source: string;
}

const METRO_SOURCE = 'Code de l’éducation, art. R222-1 et R222-2 (régions académiques et académies)';

function region(id: RegionId, academies: string[], universities: Region['universities'] = 'several',
  authority: Region['authority'] = 'recteur', source = METRO_SOURCE): Region {
  return { id, academies, universities, authority, source };
}

export const REGIONS: readonly Region[] = [
  region('auvergne-rhone-alpes', ['clermont-ferrand', 'grenoble', 'lyon']),
  region('bourgogne-franche-comte', ['besancon', 'dijon']),
  region('bretagne', ['rennes']),
  region('centre-val-de-loire', ['orleans-tours']),
  region('corse', ['corse'], 'one'),
  region('grand-est', ['nancy-metz', 'reims', 'strasbourg']),
  region('guadeloupe', ['guadeloupe'], 'one'),
  region('guyane', ['guyane'], 'one'),
  region('hauts-de-france', ['amiens', 'lille']),
  region('ile-de-france', ['creteil', 'paris', 'versailles']),
  region('la-reunion', ['la-reunion'], 'one'),
  region('martinique', ['martinique'], 'one'),
  // Université de Mayotte since 2024-01-01 (décret in the JO of 2023-12-30): one university.
  region('mayotte', ['mayotte'], 'one'),
  region('normandie', ['normandie']),
  region('nouvelle-aquitaine', ['bordeaux', 'limoges', 'poitiers']),
  region('occitanie', ['montpellier', 'toulouse']),
  region('pays-de-la-loire', ['nantes']),
  region('provence-alpes-cote-d-azur', ['aix-marseille', 'nice']),
  region('nouvelle-caledonie', ['nouvelle-caledonie'], 'one', 'vice-recteur',
    'Vice-rectorat de Nouvelle-Calédonie (Mon Master, « Saisir le recteur »)'),
  region('polynesie-francaise', ['polynesie-francaise'], 'one', 'vice-recteur',
    'Code de l’éducation, art. R683-8 (vice-recteur de la Polynésie française)'),
  region('wallis-et-futuna', ['wallis-et-futuna'], 'none', 'vice-recteur',
    'Vice-rectorat de Wallis-et-Futuna (no university; referral route not verified, docs/rulings.md §"Master referral")'),
];

export const REGION_IDS: readonly RegionId[] = REGIONS.map((r) => r.id);

const BY_ID = new Map(REGIONS.map((r) => [r.id, r]));

export function regionById(id: string): Region | undefined {
  return BY_ID.get(id as RegionId);
}

export function regionOfAcademie(academie: string): Region | undefined {
  return REGIONS.find((r) => r.academies.includes(academie));
}

export const ACADEMIES: readonly string[] = REGIONS.flatMap((r) => r.academies);

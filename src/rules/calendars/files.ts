// Written by `npm run calendar:new` (scripts/calendar-new.ts): every calendar file of this folder.
// A test checks that the list matches the folder.
import monmaster2023 from './monmaster-2023.json';
import monmaster2024 from './monmaster-2024.json';
import monmaster2025 from './monmaster-2025.json';
import monmaster2026 from './monmaster-2026.json';
import monmaster2027 from './monmaster-2027.json';
import parcoursup2023 from './parcoursup-2023.json';
import parcoursup2024 from './parcoursup-2024.json';
import parcoursup2025 from './parcoursup-2025.json';
import parcoursup2026 from './parcoursup-2026.json';
import parcoursup2027 from './parcoursup-2027.json';

export const CALENDAR_FILES = [
  monmaster2023,
  monmaster2024,
  monmaster2025,
  monmaster2026,
  monmaster2027,
  parcoursup2023,
  parcoursup2024,
  parcoursup2025,
  parcoursup2026,
  parcoursup2027,
] as const;

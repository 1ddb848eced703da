/** Saved answers go through the facts validation: what fails is rejected field by field, the rest is kept. */
import { describe, expect, it } from 'vitest';
import { keepValidAnswers } from '../../src/questionnaire/saved-answers';

const today = '2026-07-05';

describe('keepValidAnswers', () => {
  it('keeps valid answers as they are', () => {
    const answers = { master: { licence: 'dnl', licenceDate: '2026-06-25' } };
    expect(keepValidAnswers(answers, today)).toEqual({ kept: answers, rejected: {} });
  });

  it('rejects the fields that fail (a number for a date, a year out of range, an unknown field) and keeps the rest', () => {
    const r = keepValidAnswers({
      master: { licence: 'dnl', licenceDate: 12345 },
      parcoursup: { bacYear: 1e308, renounced: false },
      extra: 1,
    }, today);
    expect(r.kept).toEqual({ master: { licence: 'dnl' }, parcoursup: { renounced: false } });
    expect(r.rejected).toEqual({ 'master.licenceDate': 12345, 'parcoursup.bacYear': 1e308, extra: 1 });
  });

  it('rejects one field of an inconsistent pair, and a group that is not an object', () => {
    expect(keepValidAnswers({ master: { applications: 2, refusals: 5 } }, today))
      .toEqual({ kept: { master: { refusals: 5 } }, rejected: { 'master.applications': 2 } });
    expect(keepValidAnswers({ master: 'x', parcoursup: { renounced: true } }, today))
      .toEqual({ kept: { parcoursup: { renounced: true } }, rejected: { master: 'x' } });
  });

  it('rejects a record that is not an object as a whole', () => {
    expect(keepValidAnswers([1], today)).toEqual({ kept: {}, rejected: { '': [1] } });
  });

  it('sets aside fields named like an object\'s own methods, as any other unknown field', () => {
    const saved = JSON.parse('{"hasOwnProperty":1,"toString":5,"constructor":"c","__proto__":{"x":1},"master":{"licence":"dnl"}}');
    const r = keepValidAnswers(saved, today);
    expect(r.kept).toEqual({ master: { licence: 'dnl' } });
    expect(Object.keys(r.rejected).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(r.rejected.constructor).toBe('c');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { census2021Aggregated, census2021Group, unknownReason, wresGroup } from './classifications.ts';
import { ambiguousSpellings, matchEthnicity, normaliseLabel } from './match.ts';
import { NATIONAL_CATEGORIES, SUB_CODES } from './nhs-ethnic-category.ts';
import { CENSUS_2021_GROUPS, CENSUS_AGGREGATED_GROUPS } from './census-2021.ts';

describe('matchEthnicity', () => {
  test('reads codes and Data Dictionary labels regardless of case, spaces and punctuation', () => {
    for (const raw of ['A', 'a', ' White - British ', 'WHITE BRITISH', 'white–british', 'White: British', 'A - White - British', 'A White British']) {
      assert.deepEqual(matchEthnicity(raw), { code: 'A' }, raw);
    }
    assert.equal(matchEthnicity('Asian or Asian British - Indian')?.code, 'H');
    assert.equal(matchEthnicity('Black or Black British - African')?.code, 'N');
    assert.equal(matchEthnicity('Black African')?.code, 'N');
    assert.equal(matchEthnicity('Other Ethnic Groups - Chinese')?.code, 'R');
    assert.equal(matchEthnicity('Mixed - White and Black Caribbean')?.code, 'D');
  });

  test('every national code and label, and every sub-code and its label, is recognised', () => {
    for (const category of NATIONAL_CATEGORIES) {
      assert.equal(matchEthnicity(category.code)?.code, category.code);
      assert.equal(matchEthnicity(category.label)?.code, category.code, category.label);
    }
    for (const sub of SUB_CODES) {
      assert.deepEqual(matchEthnicity(sub.code), { code: sub.parent, subCode: sub.code });
      assert.deepEqual(matchEthnicity(sub.label), { code: sub.parent, subCode: sub.code }, sub.label);
      assert.deepEqual(matchEthnicity(sub.code.toLowerCase()), { code: sub.parent, subCode: sub.code });
    }
  });

  test('sub-codes roll up to their first character: CP, CL and CN are White, LB, PC and SC are ethnic minority', () => {
    assert.equal(wresGroup(matchEthnicity('CP')!), 'white');
    assert.equal(wresGroup(matchEthnicity('White - Polish')!), 'white');
    assert.equal(wresGroup(matchEthnicity('CL')!), 'white');
    assert.equal(wresGroup(matchEthnicity('Gypsy/Romany')!), 'white');
    assert.equal(wresGroup(matchEthnicity('LB')!), 'ethnicMinority');
    assert.equal(wresGroup(matchEthnicity('Black - Nigerian')!), 'ethnicMinority');
    assert.equal(wresGroup(matchEthnicity('Other - Filipino')!), 'ethnicMinority');
    assert.equal(matchEthnicity('PC')?.code, 'P');
  });

  test('Z, 99 and blank are unknown and stay distinct', () => {
    assert.equal(matchEthnicity('Z')?.code, 'Z');
    assert.equal(matchEthnicity('Not stated')?.code, 'Z');
    assert.equal(matchEthnicity('Prefer not to say')?.code, 'Z');
    assert.equal(matchEthnicity('99')?.code, '99');
    assert.equal(matchEthnicity('Not known')?.code, '99');
    assert.equal(matchEthnicity('')?.code, 'missing');
    assert.equal(matchEthnicity('   ')?.code, 'missing');
    assert.equal(matchEthnicity(null)?.code, 'missing');
    assert.deepEqual(['Z', '99', ''].map((v) => unknownReason(matchEthnicity(v)!)), ['notStated', 'notKnown', 'missing']);
    for (const v of ['Z', '99', '']) assert.equal(wresGroup(matchEthnicity(v)!), 'unknown');
  });

  test('unrecognised values are not guessed', () => {
    for (const raw of ['Whte British', 'NK', 'NS', 'X', '9', 'A9', 'British', 'Asian', 'Human', 'A - Black - African', 'CP Irish']) {
      assert.equal(matchEthnicity(raw), null, raw);
    }
  });

  test('census 2021 labels are read, with Roma and Arab kept as census groups under their national code', () => {
    assert.deepEqual(matchEthnicity('Roma'), { code: 'C', census2021: 'white-roma' });
    assert.deepEqual(matchEthnicity('Arab'), { code: 'S', census2021: 'other-arab' });
    assert.deepEqual(matchEthnicity('White: English, Welsh, Scottish, Northern Irish or British'), { code: 'A' });
    assert.deepEqual(matchEthnicity('Gypsy or Irish Traveller'), { code: 'C', census2021: 'white-gypsy-irish-traveller' });
    assert.equal(census2021Group({ code: 'R' }), 'asian-chinese');
    assert.equal(census2021Aggregated({ code: 'R' }), 'Asian');
    assert.equal(census2021Group({ code: 'C', subCode: 'CN' }), 'white-gypsy-irish-traveller');
    assert.equal(census2021Group({ code: 'Z' }), null);
  });

  test('no spelling is ambiguous', () => {
    assert.deepEqual([...ambiguousSpellings()], []);
  });

  test('normaliseLabel keeps letters and digits only', () => {
    assert.equal(normaliseLabel(' White – British (UK) '), 'whitebritishuk');
  });
});

describe('classifications as data', () => {
  test('the 2021 census has 19 groups in 5 aggregated groups', () => {
    assert.equal(CENSUS_2021_GROUPS.length, 19);
    assert.deepEqual([...new Set(CENSUS_2021_GROUPS.map((g) => g.aggregated))].sort(), [...CENSUS_AGGREGATED_GROUPS].sort());
    const sizes = Object.fromEntries(CENSUS_AGGREGATED_GROUPS.map((a) => [a, CENSUS_2021_GROUPS.filter((g) => g.aggregated === a).length]));
    assert.deepEqual(sizes, { Asian: 5, Black: 3, Mixed: 4, White: 5, Other: 2 });
  });

  test('16 stated national codes plus Z and 99, none using I, O or Q', () => {
    assert.equal(NATIONAL_CATEGORIES.length, 18);
    assert.ok(!NATIONAL_CATEGORIES.some((c) => ['I', 'O', 'Q'].includes(c.code)));
    assert.deepEqual(NATIONAL_CATEGORIES.filter((c) => wresGroup({ code: c.code }) === 'white').map((c) => c.code), ['A', 'B', 'C']);
    assert.equal(NATIONAL_CATEGORIES.filter((c) => wresGroup({ code: c.code }) === 'ethnicMinority').length, 13);
  });
});

/**
 * The language check by hand: what it must flag, with where and what to write instead, and what it must leave
 * alone (colours used of things, capitalised group names, "ethnic minority" itself, an intervention's name).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFields, checkLanguage } from './check.ts';

const rules = (text: string) => checkLanguage(text).map((f) => [f.rule, f.text]);

test('acronyms for groups of people are flagged, with where they are and what to write instead', () => {
  const text = 'Our BAME staff network met.\nBME applicants and B.A.M.E. colleagues; BAME-led projects.';
  const found = checkLanguage(text);
  assert.deepEqual(found.map((f) => [f.rule, f.text, f.start, f.end, f.line, f.column]), [
    ['bame', 'BAME', 4, 8, 1, 5],
    ['bame', 'BME', 28, 31, 2, 1],
    ['bame', 'B.A.M.E.', 47, 55, 2, 20],
    ['bame', 'BAME', 68, 72, 2, 41],
  ]);
  assert.equal(text.slice(found[1]!.start, found[1]!.end), 'BME');
  assert.match(found[0]!.suggestion, /ethnic minority staff/);
  assert.match(found[0]!.message, /Mixed, Other and White minorities/);
  assert.deepEqual(rules('POC staff and BIPOC communities'), [['poc', 'POC'], ['bipoc', 'BIPOC']]);
  assert.deepEqual(rules('Bame and bme, written in lower case'), [['bame', 'Bame'], ['bame', 'bme']]);
});

test('acronyms that are not about people are left alone', () => {
  assert.deepEqual(rules('A PoC of the new rota, and POC testing at the bedside.'), []);
  assert.deepEqual(rules('The BMEC team and the BMJ article.'), []);
});

test('vague or outdated collective terms are flagged', () => {
  assert.deepEqual(rules('We want more diverse candidates on shortlists.'), [['diverse-people', 'diverse']]);
  assert.deepEqual(rules('Recruiting diverse staff.'), [['diverse-people', 'diverse']]);
  assert.deepEqual(rules('Minorities are under-represented at Band 8a.'), [['minorities', 'Minorities']]);
  assert.deepEqual(rules('Support for minority staff.'), [['minorities', 'minority']]);
  assert.deepEqual(rules('Non-white and non white and nonwhite staff.'), [['non-white', 'Non-white'], ['non-white', 'non white'], ['non-white', 'nonwhite']]);
  assert.deepEqual(rules('Coloured staff were mentioned in the old policy.'), [['coloured', 'Coloured']]);
  assert.deepEqual(rules('The ethnics in our workforce.'), [['ethnics', 'ethnics']]);
  assert.deepEqual(rules('Ethnic staff are less likely to be appointed.'), [['ethnic-people', 'Ethnic']]);
  assert.deepEqual(rules('People of colour and staff of color.'), [['of-colour', 'People of colour'], ['of-colour', 'staff of color']]);
  assert.deepEqual(rules('Blacks and whites were compared.'), [['blacks', 'Blacks'], ['blacks', 'whites']]);
  assert.deepEqual(rules('Mixed people were not counted separately.'), [['mixed-people', 'Mixed people']]);
});

test('"Black, Asian and minority ethnic" spelled out is flagged as the acronym is, and its lower-case black too', () => {
  const found = checkLanguage('Black, Asian and minority ethnic staff; black and minority ethnic applicants.');
  assert.deepEqual(found.map((f) => [f.rule, f.text]), [
    ['spelled-out-bame', 'Black, Asian and minority ethnic'],
    ['spelled-out-bame', 'black and minority ethnic'],
    ['capitalisation', 'black'],
  ]);
});

test('good practice is left alone', () => {
  for (const text of [
    'Ethnic minority staff were 1.5 times as likely as White staff to enter a formal disciplinary investigation.',
    'Black staff and Asian staff; people with a Mixed ethnic background; the White British group.',
    'Ethnic minorities (excluding White minorities) and minority ethnic colleagues.',
    'Diverse interview panels for every Band 8a post, and a diverse workforce.',
    'A minority of managers had done the training; a diverse group of staff designed it.',
    'WHITE STAFF AND BLACK STAFF in a heading in capitals.',
  ]) assert.deepEqual(rules(text), [], text);
});

test('lower-case white and black are flagged only when used of people or ethnic groups', () => {
  assert.deepEqual(rules('black staff and white nurses'), [['capitalisation', 'black'], ['capitalisation', 'white']]);
  assert.deepEqual(rules('Most white and black applicants were shortlisted.'), [['capitalisation', 'white'], ['capitalisation', 'black']]);
  assert.deepEqual(rules('white British and black African colleagues'), [['capitalisation', 'white'], ['capitalisation', 'black']]);
  assert.deepEqual(rules('staff in the white ethnic group'), [['capitalisation', 'white']]);
  assert.deepEqual(rules('Of the staff who are black, 12% said so.'), [['capitalisation', 'black']]);
  assert.deepEqual(rules('People who identified as white in the survey.'), [['capitalisation', 'white']]);
  assert.deepEqual(rules('the white members of the panel'), [['capitalisation', 'white']]);
  assert.deepEqual(rules('The board was mostly white, as before.'), [], 'a use the heuristics miss, as the methodology says');
  const [f] = checkLanguage('black staff');
  assert.equal(f!.suggestion.startsWith('Write "Black"'), true);
});

test('white and black in other senses are left alone', () => {
  for (const text of [
    'He took a black cab to the White Paper launch.',
    'The white paper on workforce planning; notes on the whiteboard.',
    'It is not black and white. The results are in black and white.',
    'A black box model; the trust was in the black; white space on the page.',
    'Black staff network; the Black ethnic group; White staff.',
    'white-collar roles and white blood cells; a black belt in data.',
    'The screen went black. Staff were told to wait.',
    'The walls are white.',
  ]) assert.deepEqual(rules(text), [], text);
});

test('checkFields gives only the fields with findings, as plain JSON', () => {
  const result = checkFields([
    { field: 'name', label: 'Name', text: 'Reverse mentoring' },
    { field: 'description', label: 'What will be done', text: 'Pair BAME staff with directors.' },
    { field: 'staffNetworks', label: 'Staff networks', text: null },
  ]);
  assert.deepEqual(JSON.parse(JSON.stringify(result)), [
    {
      field: 'description', label: 'What will be done',
      findings: [{
        rule: 'bame', kind: 'acronym', text: 'BAME', start: 5, end: 9, line: 1, column: 6,
        message: result[0]!.findings[0]!.message, suggestion: result[0]!.findings[0]!.suggestion,
      }],
    },
  ]);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { defaultStandards } from '../../standards/index.ts';
import { catalogueIntervention, catalogueSource, INTERVENTION_CATALOGUE, interventionsTargeting } from './catalogue.ts';
import { SOURCES } from './sources.ts';
import { EVIDENCE_STRENGTHS } from './types.ts';

const filled = (s: string) => s.trim().length > 0;

test('every catalogue entry is complete', () => {
  assert.ok(INTERVENTION_CATALOGUE.length >= 12, 'the catalogue holds the interventions of the evidence review');
  const ids = new Set<string>();
  for (const entry of INTERVENTION_CATALOGUE) {
    assert.match(entry.id, /^[a-z]+(-[a-z]+)*$/, `id ${entry.id}`);
    assert.ok(!ids.has(entry.id), `id ${entry.id} is used once`);
    ids.add(entry.id);
    assert.ok(filled(entry.name) && filled(entry.summary), `${entry.id}: name and summary`);
    assert.ok(entry.targets.length > 0, `${entry.id}: targets`);
    assert.ok(entry.evidence.length > 0, `${entry.id}: evidence`);
    assert.ok(entry.cautions.length > 0 && entry.cautions.every(filled), `${entry.id}: cautions`);
    assert.ok(entry.typicalMeasures.length > 0 && entry.typicalMeasures.every(filled), `${entry.id}: typical measures`);
    assert.ok(EVIDENCE_STRENGTHS.includes(entry.overallStrength), `${entry.id}: overall strength`);
    for (const item of entry.evidence) {
      assert.ok(filled(item.claim), `${entry.id}: a claim`);
      assert.ok(EVIDENCE_STRENGTHS.includes(item.strength), `${entry.id}: a strength`);
      assert.ok(item.sources.length > 0, `${entry.id}: "${item.claim.slice(0, 40)}…" cites a source`);
      for (const key of item.sources) assert.ok(catalogueSource(key), `${entry.id}: source ${key} exists`);
    }
  }
});

test('every targeted indicator exists in its registered standard', () => {
  const standards = defaultStandards();
  for (const entry of INTERVENTION_CATALOGUE) {
    for (const target of entry.targets) {
      const standard = standards.get(target.standard);
      assert.ok(standard, `${entry.id}: standard ${target.standard}`);
      assert.ok(standard.indicators.some((i) => i.id === target.indicator), `${entry.id}: ${target.standard} indicator ${target.indicator}`);
    }
  }
  // A made-up id is caught by the same lookup.
  assert.equal(defaultStandards().get('wres')?.indicators.some((i) => i.id === '10'), false);
});

test('every source is complete, cited by an entry, and listed in docs/methodology.md', () => {
  const methodology = readFileSync(new URL('../../../../docs/methodology.md', import.meta.url), 'utf8');
  const cited = new Set(INTERVENTION_CATALOGUE.flatMap((e) => e.evidence.flatMap((i) => i.sources)));
  for (const [key, source] of Object.entries(SOURCES)) {
    assert.ok(filled(source.title) && filled(source.publisher), `${key}: title and publisher`);
    assert.match(source.url, /^https?:\/\/[^\s]+$/, `${key}: address`);
    assert.ok(source.year === null || (source.year >= 1990 && source.year <= 2026), `${key}: year`);
    assert.ok(cited.has(key), `${key} is cited by an entry`);
    assert.ok(methodology.includes(source.url), `${key}: its address is listed in docs/methodology.md`);
  }
});

test('the examples of issue 11 are in the catalogue, and lookups work', () => {
  for (const id of [
    'structured-shortlisting-and-interviews', 'diverse-interview-panels', 'comply-or-explain-appointments',
    'pre-formal-decision-checklist', 'just-and-learning-culture', 'reciprocal-mentoring', 'positive-action-programmes',
    'structured-career-conversations', 'international-recruit-onboarding',
  ]) assert.ok(catalogueIntervention(id), id);
  assert.equal(catalogueIntervention('nothing-of-the-kind'), null);
  assert.equal(catalogueSource('toString'), null);
  const disciplinary = interventionsTargeting('wres', '3').map((e) => e.id);
  assert.ok(disciplinary.includes('pre-formal-decision-checklist'));
  assert.ok(!disciplinary.includes('name-blind-shortlisting'));
});

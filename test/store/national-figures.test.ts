import assert from 'node:assert/strict';
import type { NewNationalFigure } from '../../src/store/store.ts';
import { testEachDialect } from './each-dialect.ts';

function figure(enteredBy: number, overrides: Partial<NewNationalFigure> = {}): NewNationalFigure {
  return {
    year: 2025,
    indicator: '2',
    white: { events: 30_000, population: 200_000 },
    ethnicMinority: { events: 14_000, population: 150_000 },
    source: 'NHS England, NHS Workforce Race Equality Standard (WRES) 2025 data analysis report',
    enteredBy,
    ...overrides,
  };
}

testEachDialect('national figures are saved with their counts, source, person and time, and listed by year', async ({ store }) => {
  const admin = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: true });
  assert.deepEqual(await store.nationalFigures.all(), []);
  assert.deepEqual(await store.nationalFigures.forYear(2025), []);

  const before = Date.now();
  const { saved, replaced } = await store.nationalFigures.upsert(figure(admin.id));
  assert.equal(replaced, null);
  assert.deepEqual({ ...saved, enteredAt: null }, { ...figure(admin.id), enteredAt: null });
  assert.ok(saved.enteredAt instanceof Date && saved.enteredAt.getTime() >= before - 1000);

  await store.nationalFigures.upsert(figure(admin.id, { indicator: '4', white: { events: 50_000, population: 900_000 }, ethnicMinority: { events: 20_000, population: 300_000 } }));
  await store.nationalFigures.upsert(figure(admin.id, { year: 2024, indicator: '3', white: { events: 8_000, population: 900_000 }, ethnicMinority: { events: 3_000, population: 300_000 } }));

  assert.deepEqual((await store.nationalFigures.forYear(2025)).map((f) => f.indicator), ['2', '4']);
  assert.deepEqual((await store.nationalFigures.forYear(2024)).map((f) => f.indicator), ['3']);
  assert.deepEqual((await store.nationalFigures.all()).map((f) => `${f.year}/${f.indicator}`), ['2025/2', '2025/4', '2024/3']);
  const read = (await store.nationalFigures.forYear(2025))[0]!;
  assert.deepEqual(read, saved, 'what is read back equals what was saved, dates included');
});

testEachDialect('entering a year and indicator again replaces it and returns what it replaced', async ({ store }) => {
  const first = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: true });
  const second = await store.users.create({ email: 'b@trust.nhs.uk', displayName: 'B', administrator: true });
  const original = (await store.nationalFigures.upsert(figure(first.id))).saved;
  const { saved, replaced } = await store.nationalFigures.upsert(figure(second.id, { white: { events: 31_000, population: 201_000 }, source: 'Corrected table' }));
  assert.deepEqual(replaced, original);
  assert.equal(saved.enteredBy, second.id);
  assert.deepEqual(saved.white, { events: 31_000, population: 201_000 });
  const all = await store.nationalFigures.all();
  assert.equal(all.length, 1, 'still one figure for the year and indicator');
  assert.deepEqual(all[0], saved);
});

testEachDialect('a figure is removed once; removing what is not there returns null', async ({ store }) => {
  const admin = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: true });
  const saved = (await store.nationalFigures.upsert(figure(admin.id))).saved;
  await store.nationalFigures.upsert(figure(admin.id, { indicator: '3' }));
  assert.deepEqual(await store.nationalFigures.remove(2025, '2'), saved);
  assert.equal(await store.nationalFigures.remove(2025, '2'), null);
  assert.deepEqual((await store.nationalFigures.all()).map((f) => f.indicator), ['3']);
});

testEachDialect('the database refuses an unknown indicator, two rows for one year and indicator, and impossible counts', async ({ store }) => {
  const admin = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: true });
  const row = {
    year: 2025, indicator: '2', white_events: 1, white_population: 2, ethnic_minority_events: 1, ethnic_minority_population: 2,
    source: 'x', entered_by: admin.id, entered_at: new Date(),
  };
  await store.db.insertInto('national_figures').values(row).execute();
  await assert.rejects(store.db.insertInto('national_figures').values(row).execute(), 'unique per year and indicator');
  await assert.rejects(store.db.insertInto('national_figures').values({ ...row, indicator: '5' }).execute(), 'indicators 2 to 4 only');
  await assert.rejects(store.db.insertInto('national_figures').values({ ...row, indicator: '3', white_events: 3 }).execute(), 'events above population');
  await assert.rejects(store.db.insertInto('national_figures').values({ ...row, indicator: '4', ethnic_minority_events: -1 }).execute(), 'negative events');
});

testEachDialect('a figure outlives the account of the person who entered it', async ({ store }) => {
  const admin = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: true });
  await store.nationalFigures.upsert(figure(admin.id));
  await store.db.deleteFrom('users').where('id', '=', admin.id).execute();
  const [kept] = await store.nationalFigures.all();
  assert.equal(kept?.enteredBy, null);
  assert.deepEqual(kept?.white, figure(admin.id).white);
});

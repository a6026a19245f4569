import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, keyOf, parseList, settingsFromForm } from './settings-service.ts';

test('a list keeps the keys of unchanged labels and makes unique keys for new ones', () => {
  const previous = [{ key: 'colleagues', label: 'From colleagues' }];
  assert.deepEqual(parseList(' From colleagues \n\nBanter  about religion\nBanter  about religion\nBanter - about religion\n', previous), [
    { key: 'colleagues', label: 'From colleagues' },
    { key: 'banter-about-religion', label: 'Banter  about religion' },
    { key: 'banter-about-religion-2', label: 'Banter - about religion' },
  ]);
  assert.equal(keyOf('Équipe — nuit'), 'equipe-nuit');
  assert.equal(keyOf('!!!'), 'entry');
});

test('settings from the form: problems named by field; routes only to roles that exist', () => {
  const bad = settingsFromForm({ categories: '', handlerRoles: ' ', retentionMonths: '0' }, DEFAULT_SETTINGS);
  assert.ok('problems' in bad);
  assert.deepEqual(bad.problems.map((p) => p.field), ['categories', 'handlerRoles', 'retentionMonths']);
  const good = settingsFromForm({
    categories: 'Racism or discrimination from colleagues\nSomething new', directorates: 'Surgery', handlerRoles: 'Human resources\nFreedom to Speak Up guardian',
    retentionMonths: '24', 'route-colleagues': 'nonsense',
  }, DEFAULT_SETTINGS);
  assert.ok('settings' in good);
  assert.deepEqual(good.settings.handlerRoles.map((r) => r.key), ['hr', 'ftsu-guardian']);
  assert.deepEqual(good.settings.routing, {}, 'the chosen role does not exist, and the old route went to a role now gone');
  assert.equal(good.settings.retentionMonths, 24);
  assert.deepEqual(good.settings.directorates, [{ key: 'surgery', label: 'Surgery' }]);
});

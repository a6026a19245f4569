import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webSettingsFromEnv } from './config.ts';

test('MIRROR_DEMO_REGION is the demonstration trust and seven peers by default, and otherwise a number of organisations from 0 to 99', () => {
  assert.equal(webSettingsFromEnv({}).demoRegion, 8);
  assert.equal(webSettingsFromEnv({ MIRROR_DEMO_REGION: '' }).demoRegion, 8);
  assert.equal(webSettingsFromEnv({ MIRROR_DEMO_REGION: '0' }).demoRegion, 0);
  assert.equal(webSettingsFromEnv({ MIRROR_DEMO_REGION: '8' }).demoRegion, 8);
  assert.throws(() => webSettingsFromEnv({ MIRROR_DEMO_REGION: 'lots' }), /MIRROR_DEMO_REGION/);
  assert.throws(() => webSettingsFromEnv({ MIRROR_DEMO_REGION: '100' }), /MIRROR_DEMO_REGION/);
});

test('MIRROR_ROUTE_CONCURRENCY: how many requests of one route are worked at a time, 4 unless set', () => {
  assert.equal(webSettingsFromEnv({}).routeConcurrency, 4);
  assert.equal(webSettingsFromEnv({ MIRROR_ROUTE_CONCURRENCY: '16' }).routeConcurrency, 16);
  assert.throws(() => webSettingsFromEnv({ MIRROR_ROUTE_CONCURRENCY: '0' }), /MIRROR_ROUTE_CONCURRENCY must be a whole number of at least 1/);
});

test('MIRROR_CHART_THREADS: chart threads, one fewer than the cores (1 to 4) unless set; 0 for none', () => {
  const auto = webSettingsFromEnv({}).chartThreads;
  assert.ok(auto >= 1 && auto <= 4, String(auto));
  assert.equal(webSettingsFromEnv({ MIRROR_CHART_THREADS: '0' }).chartThreads, 0);
  assert.equal(webSettingsFromEnv({ MIRROR_CHART_THREADS: '3' }).chartThreads, 3);
  assert.throws(() => webSettingsFromEnv({ MIRROR_CHART_THREADS: 'many' }), /MIRROR_CHART_THREADS must be a whole number from 0 to 16/);
});

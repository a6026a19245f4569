import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as client from 'openid-client';
import { hashToken, looksLikeToken, randomToken, safeEqual } from '../../services/tokens.ts';
import { createSigner, deriveSigningKey } from './signing.ts';
import { safeNext } from './access.ts';
import { createAuthorizationRequest, DEFAULT_OIDC_SCOPES, OidcConfigurationError, oidcRedirectUri, oidcSettingsFromEnv, verifiedEmail } from './oidc.ts';
import { FormErrors, emailProblem } from './forms.ts';

test('tokens are 32 random bytes in base64url, and only their SHA-256 hash is kept', () => {
  const token = randomToken();
  assert.equal(Buffer.from(token, 'base64url').length, 32);
  assert.ok(looksLikeToken(token));
  assert.notEqual(randomToken(), token);
  assert.match(hashToken(token), /^[0-9a-f]{64}$/);
  assert.equal(hashToken(token), hashToken(token));
  assert.equal(looksLikeToken('short'), false);
  assert.equal(looksLikeToken(`${token}x`), false);
  assert.equal(looksLikeToken(undefined), false);
  assert.ok(safeEqual('abc', 'abc'));
  assert.ok(!safeEqual('abc', 'abd'));
  assert.ok(!safeEqual('abc', 'abcd'));
});

test('signed values are refused when altered, expired or made for another purpose', () => {
  const signer = createSigner(deriveSigningKey(Buffer.alloc(32, 1)));
  const other = createSigner(deriveSigningKey(Buffer.alloc(32, 2)));
  const now = new Date('2026-01-01T12:00:00Z');
  const later = new Date(now.getTime() + 60_000);
  const signed = signer.sign('setup', 'first-administrator', later);
  assert.equal(signer.verify('setup', signed, now), 'first-administrator');
  assert.equal(signer.verify('csrf', signed, now), null, 'another purpose');
  assert.equal(other.verify('setup', signed, now), null, 'another key');
  assert.equal(signer.verify('setup', signed, later), null, 'expired');
  const [payload, expiry, signature] = signed.split('.');
  const altered = `${Buffer.from('someone-else').toString('base64url')}.${expiry}.${signature}`;
  assert.equal(signer.verify('setup', altered, now), null);
  const extended = `${payload}.${(later.getTime() * 2).toString(36)}.${signature}`;
  assert.equal(signer.verify('setup', extended, now), null);
  assert.equal(signer.verify('setup', undefined, now), null);
  assert.equal(signer.verify('setup', 'a.b', now), null);
});

test('only same-site relative addresses are followed after sign-in', () => {
  assert.equal(safeNext('/organisations/RXX?year=2025'), '/organisations/RXX?year=2025');
  assert.equal(safeNext('/'), '/');
  for (const unsafe of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', 'evil', '', '/\t/evil.example', undefined, 42, ['/a']]) {
    assert.equal(safeNext(unsafe), '/', String(unsafe));
  }
  assert.equal(safeNext('/a/../b'), '/b');
});

test('form errors keep the first error per field, in order, linked to the field', () => {
  const errors = new FormErrors().add('email', 'Enter an email address').add('password', null).add('email', 'second').add('name', 'Enter a name');
  assert.deepEqual(errors.list, [{ text: 'Enter an email address', href: '#email' }, { text: 'Enter a name', href: '#name' }]);
  assert.deepEqual(errors.byField, { email: 'Enter an email address', name: 'Enter a name' });
  assert.equal(emailProblem('name@nhs.net'), null);
  assert.equal(emailProblem('name'), 'Enter an email address in the correct format, like name@nhs.net');
});

test('OIDC is off when no variable is set, and complete settings are read with the default scopes', () => {
  assert.equal(oidcSettingsFromEnv({}), null);
  assert.equal(oidcSettingsFromEnv({ MIRROR_OIDC_ISSUER: '  ' }), null);
  const settings = oidcSettingsFromEnv({
    MIRROR_OIDC_ISSUER: 'https://login.example.nhs.uk/tenant/v2.0',
    MIRROR_OIDC_CLIENT_ID: 'mirror',
    MIRROR_OIDC_CLIENT_SECRET: 's3cret',
  });
  assert.equal(settings?.issuer.href, 'https://login.example.nhs.uk/tenant/v2.0');
  assert.equal(settings?.clientId, 'mirror');
  assert.equal(settings?.scopes, DEFAULT_OIDC_SCOPES);
  const custom = oidcSettingsFromEnv({
    MIRROR_OIDC_ISSUER: 'https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/oidc',
    MIRROR_OIDC_CLIENT_ID: 'mirror',
    MIRROR_OIDC_CLIENT_SECRET: 's3cret',
    MIRROR_OIDC_SCOPES: 'openid  email profile nationalrbacaccess',
  });
  assert.equal(custom?.scopes, 'openid email profile nationalrbacaccess');
});

test('OIDC partly configured is a clear error naming what is missing', () => {
  assert.throws(
    () => oidcSettingsFromEnv({ MIRROR_OIDC_ISSUER: 'https://login.example.nhs.uk/' }),
    (error: unknown) => error instanceof OidcConfigurationError && /MIRROR_OIDC_CLIENT_ID, MIRROR_OIDC_CLIENT_SECRET/.test(error.message),
  );
  assert.throws(() => oidcSettingsFromEnv({ MIRROR_OIDC_SCOPES: 'openid' }), OidcConfigurationError);
  const complete = { MIRROR_OIDC_CLIENT_ID: 'mirror', MIRROR_OIDC_CLIENT_SECRET: 's' };
  assert.throws(() => oidcSettingsFromEnv({ ...complete, MIRROR_OIDC_ISSUER: 'http://login.example.nhs.uk/' }), /https/);
  assert.throws(() => oidcSettingsFromEnv({ ...complete, MIRROR_OIDC_ISSUER: 'not a url' }), OidcConfigurationError);
  assert.throws(() => oidcSettingsFromEnv({ ...complete, MIRROR_OIDC_ISSUER: 'https://x.example/', MIRROR_OIDC_SCOPES: 'email' }), /openid/);
});

test('the authorization request uses the code flow with PKCE (S256), state, nonce and the callback address', async () => {
  const configuration = new client.Configuration(
    {
      issuer: 'https://login.example.nhs.uk/tenant/v2.0',
      authorization_endpoint: 'https://login.example.nhs.uk/tenant/oauth2/v2.0/authorize',
      token_endpoint: 'https://login.example.nhs.uk/tenant/oauth2/v2.0/token',
      jwks_uri: 'https://login.example.nhs.uk/tenant/discovery/v2.0/keys',
    },
    'mirror-client',
    'mirror-secret',
  );
  const redirectUri = oidcRedirectUri('https://mirror.example.nhs.uk');
  assert.equal(redirectUri, 'https://mirror.example.nhs.uk/auth/oidc/callback');
  const request = await createAuthorizationRequest(configuration, { redirectUri, scopes: DEFAULT_OIDC_SCOPES });
  const url = request.url;
  assert.equal(`${url.origin}${url.pathname}`, 'https://login.example.nhs.uk/tenant/oauth2/v2.0/authorize');
  const q = url.searchParams;
  assert.equal(q.get('client_id'), 'mirror-client');
  assert.equal(q.get('response_type'), 'code');
  assert.equal(q.get('redirect_uri'), redirectUri);
  assert.equal(q.get('scope'), 'openid email profile');
  assert.equal(q.get('code_challenge_method'), 'S256');
  assert.equal(q.get('code_challenge'), await client.calculatePKCECodeChallenge(request.codeVerifier));
  assert.equal(q.get('state'), request.state);
  assert.equal(q.get('nonce'), request.nonce);
  assert.equal(q.has('client_secret'), false, 'the secret never goes to the browser');
  const again = await createAuthorizationRequest(configuration, { redirectUri, scopes: DEFAULT_OIDC_SCOPES });
  assert.notEqual(again.state, request.state);
  assert.notEqual(again.nonce, request.nonce);
  assert.notEqual(again.codeVerifier, request.codeVerifier);
});

test('only a verified email address is used to match an organisation account', () => {
  assert.equal(verifiedEmail({ email: 'Ada@NHS.net', email_verified: true }), 'ada@nhs.net');
  assert.equal(verifiedEmail({ email: 'ada@nhs.net', xms_edov: true }), 'ada@nhs.net');
  assert.equal(verifiedEmail({ email: 'ada@nhs.net' }), null);
  assert.equal(verifiedEmail({ email: 'ada@nhs.net', email_verified: false }), null);
  assert.equal(verifiedEmail({ email: 'ada@nhs.net', email_verified: 'true' }), null);
  assert.equal(verifiedEmail({ email_verified: true }), null);
  assert.equal(verifiedEmail(undefined), null);
});

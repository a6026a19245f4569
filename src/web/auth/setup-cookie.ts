/**
 * The signed cookie that carries the first administrator from a first-run sign-in link (routes-sign-in.ts) to the
 * page that sets up their account (routes-account.ts): its name, the one path it is sent to, and how long it lasts.
 */
export const SETUP_COOKIE = 'mirror_setup';
export const SETUP_COOKIE_PATH = '/account/setup';
export const SETUP_LIFETIME_MS = 30 * 60 * 1000;

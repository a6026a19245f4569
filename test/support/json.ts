/**
 * A report or API document as parsed JSON, walked by key in tests that compare or audit whole documents of any
 * standard. JSON.parse gives `any`; this names that once, with the reason, instead of typing every report's JSON
 * twice.
 */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON of any report's shape, read by key in tests
export type Json = any;

/**
 * Turning a CSV file's bytes into text. Excel writes UTF-8 with a BOM ("CSV UTF-8"), UTF-16 with a BOM ("Unicode
 * Text") or Windows-1252 (plain "CSV" on Windows), so the byte-order mark decides first and strict UTF-8 second;
 * anything that is not valid UTF-8 is read as Windows-1252, where every byte has a meaning.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs('utf-8', bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs('utf-16le', bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs('utf-16be', bytes.subarray(2));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 bytes 0x80–0x9F as the WHATWG Encoding Standard maps them (0x96 → "–", 0x80 → "€", 0x92 → "’").
 * Node 20.18.3+ decodes 'windows-1252' as Latin-1 and leaves these as control characters (nodejs/node#60888),
 * so they are mapped here; the five bytes the standard leaves as controls stay as they are.
 */
const C1_TO_WINDOWS_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(C1_TO_WINDOWS_1252[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}

function decodeAs(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): DecodedText {
  // ignoreBOM: the BOM has already been cut off; a second one would be part of the text.
  return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), encoding };
}

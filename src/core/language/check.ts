/**
 * The language check: what someone wrote, read against GOV.UK's guidance on writing about ethnicity (rules.ts), as
 * findings with their positions and a suggestion. Advice only: nothing here refuses or changes text.
 *
 * Lower-case "white" and "black" are flagged only when they are used of people, judged by these heuristics:
 * - the word is followed (past "and", "or", "other", "any", and the other colour) by a noun for people or groups
 *   ("black staff", "white and black nurses", "black and minority ethnic colleagues"); or
 * - an ethnic word comes with it ("white British", "black African", "black or black British", "the white ethnic
 *   group"); or
 * - it follows "who are", "who were", "who is", "who was" or "identify/identified/recorded/declared as"
 *   ("staff who are white").
 * Anything else is left alone: "black cab", "white paper", "whiteboard", "in black and white", "white-collar".
 * Capitalised "White" and "Black" are never flagged, nor all-capital text.
 */
import { CAPITALISATION, ETHNIC_QUALIFIERS, LINKS, PEOPLE, PHRASE_RULES, type FindingKind, type PhraseRule } from './rules.ts';

export interface LanguageFinding {
  /** The rule's id, e.g. "bame", "capitalisation". */
  readonly rule: string;
  readonly kind: FindingKind;
  /** What was written, exactly. */
  readonly text: string;
  /** Offsets into the text (UTF-16 code units, as JavaScript counts), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 1-based line and column of the start. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly suggestion: string;
}

interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[A-Za-z]+/g)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** The word starting at or after `offset`, if only spaces, hyphens or slashes stand between (not a full stop). */
function wordAfter(words: readonly Word[], text: string, offset: number): Word | null {
  const next = words.find((w) => w.start >= offset);
  if (!next || !/^[\s\-/]*$/.test(text.slice(offset, next.start))) return null;
  return next;
}

function wordBefore(words: readonly Word[], text: string, offset: number): Word | null {
  const before = words.filter((w) => w.end <= offset).at(-1);
  if (!before || !/^[\s\-/]*$/.test(text.slice(before.end, offset))) return null;
  return before;
}

function position(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function finding(text: string, rule: string, kind: FindingKind, start: number, end: number, message: string, suggestion: string): LanguageFinding {
  return { rule, kind, text: text.slice(start, end), start, end, ...position(text, start), message, suggestion };
}

const compiled = new Map<PhraseRule, RegExp>();
function regexOf(rule: PhraseRule): RegExp {
  let re = compiled.get(rule);
  if (!re) {
    re = new RegExp(`(?<![A-Za-z])(?:${rule.pattern})(?![A-Za-z])`, rule.caseSensitive ? 'g' : 'gi');
    compiled.set(rule, re);
  }
  return re;
}

function phraseFindings(text: string, words: readonly Word[]): LanguageFinding[] {
  const out: LanguageFinding[] = [];
  for (const rule of PHRASE_RULES) {
    for (const match of text.matchAll(regexOf(rule))) {
      const start = match.index;
      const end = start + match[0].length;
      const after = wordAfter(words, text, end);
      const before = wordBefore(words, text, start);
      if (rule.ofPeople && (!after || !PEOPLE.has(after.lower))) continue;
      if (rule.notBefore && after && rule.notBefore.includes(after.lower)) continue;
      if (rule.notAfter && before && rule.notAfter.includes(before.lower)) continue;
      out.push(finding(text, rule.id, rule.kind, start, end, rule.message, rule.suggestion));
    }
  }
  return out;
}

const PREDICATE = new Set(['are', 'were', 'is', 'was']);
const DECLARED = new Set(['identify', 'identified', 'identifies', 'identifying', 'recorded', 'declared', 'themselves', 'described', 'classed', 'classified']);

/** Whether the lower-case colour word at index i is used of people or an ethnic group (see the heuristics above). */
function ofPeople(words: readonly Word[], text: string, i: number): boolean {
  let j = i + 1;
  let gap = words[i]!.end;
  for (let hops = 0; j < words.length && hops < 5; hops += 1, j += 1) {
    const word = words[j]!;
    if (!/^[\s,\-/&]*$/.test(text.slice(gap, word.start))) break;
    if (ETHNIC_QUALIFIERS.has(word.lower)) return true;
    if (PEOPLE.has(word.lower)) return true;
    if (!LINKS.has(word.lower)) break;
    gap = word.end;
  }
  const before = wordBefore(words, text, words[i]!.start);
  const twoBefore = before ? wordBefore(words, text, before.start) : null;
  if (before && PREDICATE.has(before.lower) && twoBefore?.lower === 'who') return true;
  return before?.lower === 'as' && twoBefore !== null && DECLARED.has(twoBefore.lower);
}

function capitalisationFindings(text: string, words: readonly Word[]): LanguageFinding[] {
  const out: LanguageFinding[] = [];
  words.forEach((word, i) => {
    if ((word.text === 'white' || word.text === 'black') && ofPeople(words, text, i)) {
      out.push(finding(text, 'capitalisation', 'capitalisation', word.start, word.end, CAPITALISATION.message, CAPITALISATION.suggestion(word.text)));
    }
  });
  return out;
}

/** Every finding in a piece of text, in the order they occur. */
export function checkLanguage(text: string): LanguageFinding[] {
  const words = wordsOf(text);
  const found = [...phraseFindings(text, words), ...capitalisationFindings(text, words)];
  // One finding per span and kind: overlapping matches of the same kind keep the longest.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LanguageFinding[] = [];
  for (const f of found) {
    if (kept.some((k) => k.kind === f.kind && f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept;
}

export interface FieldText {
  /** Where the text is kept, e.g. "description" or "reviews.3.note". */
  readonly field: string;
  /** What a person calls it: "What will be done", "Review of 4 March 2026". */
  readonly label: string;
  readonly text: string | null | undefined;
}

export interface FieldFindings {
  readonly field: string;
  readonly label: string;
  readonly findings: readonly LanguageFinding[];
}

/**
 * The check over several fields, as plain JSON: only fields with findings, in the order given. Other features (the
 * publishing workflow before approval) call this with whatever text they are about to show or publish.
 */
export function checkFields(fields: readonly FieldText[]): FieldFindings[] {
  return fields
    .map((f) => ({ field: f.field, label: f.label, findings: f.text ? checkLanguage(f.text) : [] }))
    .filter((f) => f.findings.length > 0);
}

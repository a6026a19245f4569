/**
 * The language check's findings (core/language) as the advisory panel shows them: each with the words around it,
 * so a person can find it in what they wrote, what the guidance says, and what to write instead. Advice only: the
 * panel never stops anything being saved or approved.
 */
import { checkFields, type FieldFindings, type FieldText } from '../../core/language/check.ts';

export interface AdviceView {
  readonly label: string;
  readonly items: readonly { readonly before: string; readonly text: string; readonly after: string; readonly line: number; readonly message: string; readonly suggestion: string }[];
}

const AROUND = 30;

function excerpt(text: string, start: number, end: number) {
  const from = Math.max(0, start - AROUND);
  const to = Math.min(text.length, end + AROUND);
  return {
    before: `${from > 0 ? '…' : ''}${text.slice(from, start)}`.replace(/\s+/g, ' '),
    text: text.slice(start, end),
    after: `${text.slice(end, to)}${to < text.length ? '…' : ''}`.replace(/\s+/g, ' '),
  };
}

/** The panel's content for these fields: empty when nothing is found. */
export function languageAdvice(fields: readonly FieldText[]): AdviceView[] {
  const texts = new Map(fields.map((f) => [f.field, f.text ?? '']));
  return checkFields(fields).map((f: FieldFindings) => ({
    label: f.label,
    items: f.findings.map((x) => ({ ...excerpt(texts.get(f.field) ?? '', x.start, x.end), line: x.line, message: x.message, suggestion: x.suggestion })),
  }));
}

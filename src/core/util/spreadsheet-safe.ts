/**
 * Text that starts with =, +, -, @, a tab or a carriage return is run as a formula by spreadsheets (CSV injection).
 * Prefixing it with an apostrophe makes the spreadsheet show it as text. Numbers are never passed through here.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Reading submitted forms and collecting errors for the design system's error summary. */

export type FormBody = Readonly<Record<string, unknown>>;

export function formBody(body: unknown): FormBody {
  return body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as FormBody) : {};
}

/** A single text value (the first, if a field was sent twice), trimmed unless `trim` is false, cut to `max`. */
export function textField(body: FormBody, name: string, options: { trim?: boolean; max?: number } = {}): string {
  const raw = body[name];
  const value = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  const trimmed = options.trim === false ? value : value.trim();
  return options.max !== undefined ? trimmed.slice(0, options.max) : trimmed;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 100;

/** A deliberately loose check: something, an @, something with a dot. The person confirms by signing in. */
export function emailProblem(email: string): string | null {
  if (email === '') return 'Enter an email address';
  if (email.length > EMAIL_MAX_LENGTH) return `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'Enter an email address in the correct format, like name@nhs.net';
  return null;
}

export function displayNameProblem(name: string): string | null {
  if (name === '') return 'Enter a full name';
  if (name.length > DISPLAY_NAME_MAX_LENGTH) return `Full name must be ${DISPLAY_NAME_MAX_LENGTH} characters or fewer`;
  return null;
}

/** Errors in the order the fields appear, each linking to its field, as the error summary expects. */
export class FormErrors {
  private readonly items: { field: string; text: string }[] = [];

  add(field: string, text: string | null): this {
    if (text !== null && !this.items.some((item) => item.field === field)) this.items.push({ field, text });
    return this;
  }

  get any(): boolean {
    return this.items.length > 0;
  }

  /** For the error summary: `errors` in the page context (the layout prefixes the title with "Error: "). */
  get list(): { text: string; href: string }[] {
    return this.items.map((item) => ({ text: item.text, href: `#${item.field}` }));
  }

  /** For each field's errorMessage: `fieldErrors.email` and so on. */
  get byField(): Record<string, string> {
    return Object.fromEntries(this.items.map((item) => [item.field, item.text]));
  }

  context(): { errors: { text: string; href: string }[]; fieldErrors: Record<string, string> } {
    return { errors: this.list, fieldErrors: this.byField };
  }
}

/** The most of a password field that is read; anything longer fails the password rules anyway. */
export const PASSWORD_FIELD_MAX = 1024;

/**
 * The #InclusiveHR five-step challenge (seed 000; issue 14, item 1) as data: the steps, the themes a directorate
 * may choose from, which step a directorate has reached, the order directorates are listed in (HR and OD first, as
 * the challenge sets it to every HR and OD directorate), and the checks of what a team writes. Pure: no I/O.
 */

export interface Step {
  readonly number: 1 | 2 | 3 | 4 | 5;
  /** The step's address: /inclusive-hr/<directorate>/<slug>. */
  readonly slug: 'data' | 'review' | 'lived-experience' | 'themes' | 'evaluate';
  readonly title: string;
  /** The challenge's own words for the step. */
  readonly challenge: string;
}

export const STEPS: readonly Step[] = [
  { number: 1, slug: 'data', title: 'Run the data', challenge: 'Run the demographic data for the directorate.' },
  { number: 2, slug: 'review', title: 'Review the data', challenge: 'Review and analyse the data: what is this telling you about diversity and inclusion in the directorate?' },
  { number: 3, slug: 'lived-experience', title: 'Understand the lived experience', challenge: 'Understand the lived experience of colleagues in the directorate.' },
  { number: 4, slug: 'themes', title: 'Themes and interventions', challenge: 'Identify the key themes for action and plan the interventions to deliver better outcomes.' },
  { number: 5, slug: 'evaluate', title: 'Evaluate and share', challenge: 'Evaluate and share the work (#InclusiveHR).' },
];

export type StepSlug = Step['slug'];

export function stepBySlug(slug: string): Step | null {
  return STEPS.find((s) => s.slug === slug) ?? null;
}

/** The step a directorate has reached: the first not marked done, or 'complete' when all five are. */
export function stepReached(done: readonly number[]): Step | 'complete' {
  return STEPS.find((s) => !done.includes(s.number)) ?? 'complete';
}

/** Words for the overview: "Step 2: Review the data", "All five steps done". */
export function reachedText(done: readonly number[]): string {
  const reached = stepReached(done);
  return reached === 'complete' ? 'All five steps done' : `Step ${reached.number}: ${reached.title}`;
}

/** True for a directorate of human resources or organisational development, which the challenge names first. */
export function isHrAndOd(name: string): boolean {
  return /\b(hr|human resources?|organi[sz]ational development|od|people|workforce)\b/i.test(name);
}

/** Directorates in the order the overview lists them: HR and OD first, then the others alphabetically. */
export function orderDirectorates(names: readonly string[]): string[] {
  const sorted = [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en-GB'));
  return [...sorted.filter(isHrAndOd), ...sorted.filter((n) => !isHrAndOd(n))];
}

/** Themes a directorate may choose (step 4), from the WRES and WDES indicators and the EDI Improvement Plan. */
export const THEMES: readonly string[] = [
  'Recruitment and appointment from shortlisting',
  'Career progression and representation in senior bands',
  'Disciplinary and capability processes',
  'Access to training and development',
  'Bullying, harassment and abuse',
  'Discrimination from managers and colleagues',
  'Belonging and inclusion in the team',
  'Reasonable adjustments for Disabled staff',
  'Pay gaps',
  'Induction and support for internationally recruited staff',
];

export const LIMITS = { reading: 8000, title: 120, notes: 8000, ownTheme: 120, ownThemes: 5 } as const;

export interface Problem {
  readonly field: string;
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** The team's own reading of the review (step 2): any text up to the limit; empty clears it. */
export function checkReading(text: string | undefined): Checked<string | null> {
  const reading = (text ?? '').trim();
  if (reading.length > LIMITS.reading) return { ok: false, problems: [{ field: 'reading', message: `The reading must be ${LIMITS.reading} characters or fewer` }] };
  return { ok: true, value: reading === '' ? null : reading };
}

function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * A listening session's note (step 3): a title, the day it was held (not after today) and the notes. The page warns
 * not to enter personal data; nothing here can tell whether it has been, so the check is of form only.
 */
export function checkListeningNote(form: Readonly<Record<string, string>>, today: string): Checked<{ title: string; heldOn: string; notes: string }> {
  const title = (form['title'] ?? '').trim();
  const notes = (form['notes'] ?? '').trim();
  const day = (form['heldOn-year'] ?? '').trim() && (form['heldOn-month'] ?? '').trim() && (form['heldOn-day'] ?? '').trim()
    ? `${(form['heldOn-year'] ?? '').trim().padStart(4, '0')}-${(form['heldOn-month'] ?? '').trim().padStart(2, '0')}-${(form['heldOn-day'] ?? '').trim().padStart(2, '0')}`
    : '';
  const problems: Problem[] = [];
  if (title === '' || title.length > LIMITS.title) problems.push({ field: 'title', message: `Enter the session's title, up to ${LIMITS.title} characters` });
  if (!isDay(day)) problems.push({ field: 'heldOn', message: 'Enter the date the session was held, for example 14 3 2025' });
  else if (day > today) problems.push({ field: 'heldOn', message: 'The date the session was held must be today or in the past' });
  if (notes === '' || notes.length > LIMITS.notes) problems.push({ field: 'notes', message: `Enter the notes of the session, up to ${LIMITS.notes} characters` });
  return problems.length ? { ok: false, problems } : { ok: true, value: { title, heldOn: day, notes } };
}

/** Themes chosen (step 4): any of THEMES, and up to five of the team's own, one a line. */
export function checkThemes(chosen: readonly string[], own: string): Checked<string[]> {
  const listed = THEMES.filter((t) => chosen.includes(t));
  const unknown = chosen.filter((t) => t !== '' && !THEMES.includes(t));
  const mine = [...new Set(own.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''))];
  const problems: Problem[] = [];
  if (unknown.length > 0) problems.push({ field: 'themes', message: 'Choose themes from the list, or write your own below' });
  if (mine.length > LIMITS.ownThemes) problems.push({ field: 'own', message: `Write up to ${LIMITS.ownThemes} themes of your own, one a line` });
  if (mine.some((t) => t.length > LIMITS.ownTheme)) problems.push({ field: 'own', message: `Each theme of your own must be ${LIMITS.ownTheme} characters or fewer` });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: [...listed, ...mine.filter((t) => !listed.includes(t))] };
}

/**
 * The national figures' use-cases, with no HTTP: the figures entered, year by year, with who entered them; saving
 * one indicator's figure for a year (replacing any before it) and removing one, each audited with what it replaced.
 */
import { nationalRatio } from '../../core/comparisons/national-figure.ts';
import type { NationalFigure, NationalIndicator, NewNationalFigure, Store } from '../../store/store.ts';
import { countsText, INDICATOR_WORDS } from './words.ts';

function formatTime(date: Date): string {
  return `${date.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

function auditCounts(figure: Pick<NationalFigure, 'white' | 'ethnicMinority' | 'source'>) {
  return { white: figure.white, ethnicMinority: figure.ethnicMinority, source: figure.source };
}

/** The figures entered, grouped by year as the page lists them, each with its relative likelihood and interval. */
export async function figuresByYear(services: { readonly store: Store }) {
  const { store } = services;
  const figures = await store.nationalFigures.all();
  const people = new Map((await store.users.all()).map((u) => [u.id, u.displayName]));
  const years = [...new Set(figures.map((f) => f.year))].map((year) => ({
    year,
    rows: figures.filter((f) => f.year === year).map((f) => {
      const ratio = nationalRatio(f.indicator, f);
      return {
        year: f.year,
        indicator: f.indicator,
        title: INDICATOR_WORDS[f.indicator].title,
        white: countsText(f.indicator, f.white),
        ethnicMinority: countsText(f.indicator, f.ethnicMinority),
        value: ratio.value,
        ci95: ratio.ci95,
        orientation: ratio.orientation.numerator === 'white' ? 'White ÷ ethnic minority' : 'ethnic minority ÷ White',
        source: f.source,
        enteredBy: f.enteredBy === null ? 'A person whose account was removed' : people.get(f.enteredBy) ?? `Person ${f.enteredBy}`,
        enteredAt: formatTime(f.enteredAt),
      };
    }),
  }));
  return years;
}

/** Saves one indicator's figure for a year, replacing any there was, and audits it (with what it replaced). */
export async function saveFigure(services: { readonly store: Store }, figure: Omit<NewNationalFigure, 'enteredBy'>, enteredBy: number): Promise<NationalFigure> {
  const { store } = services;
  const { saved, replaced } = await store.nationalFigures.upsert({ ...figure, enteredBy });
  await store.audit.record({
    userId: enteredBy, action: 'national-figure-saved', subject: `national-figures/${saved.year}/${saved.indicator}`,
    details: { replaced: replaced !== null, figure: auditCounts(saved), ...(replaced ? { previous: { ...auditCounts(replaced), enteredBy: replaced.enteredBy, enteredAt: replaced.enteredAt.toISOString() } } : {}) },
  });
  return saved;
}

/** Removes one indicator's figure for a year and audits it; null when there was none. */
export async function removeFigure(services: { readonly store: Store }, year: number, indicator: NationalIndicator, removedBy: number): Promise<NationalFigure | null> {
  const { store } = services;
  const removed = await store.nationalFigures.remove(year, indicator);
  if (!removed) return null;
  await store.audit.record({
    userId: removedBy, action: 'national-figure-removed', subject: `national-figures/${removed.year}/${removed.indicator}`,
    details: { figure: auditCounts(removed), enteredBy: removed.enteredBy, enteredAt: removed.enteredAt.toISOString() },
  });
  return removed;
}

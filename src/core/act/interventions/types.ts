/**
 * The shape of the intervention catalogue: evidence-based interventions shipped as data, each with what it targets
 * (indicators by the ids of the registered standards), the evidence with its source and strength, cautions and the
 * measures a team would usually follow. Teams may also write their own interventions; those are stored, not shipped.
 */

/**
 * How strong the evidence behind a claim is, on the scale of the evidence review the catalogue draws on
 * (/work/shared/domain/interventions-evidence.md, copied into docs/methodology.md):
 * - `comparison`: a comparison, randomised or panel design (the review's A);
 * - `before-after`: a before-and-after or time series in NHS data, with no comparison group (B);
 * - `participant-reported`: participants' own reports or a qualitative evaluation only (C);
 * - `expert-opinion`: expert recommendation, policy or a case description only (D).
 */
export type EvidenceStrength = 'comparison' | 'before-after' | 'participant-reported' | 'expert-opinion';

export const EVIDENCE_STRENGTHS: readonly EvidenceStrength[] = ['comparison', 'before-after', 'participant-reported', 'expert-opinion'];

/** The words a page shows for each strength. */
export const EVIDENCE_STRENGTH_LABEL: Readonly<Record<EvidenceStrength, string>> = {
  comparison: 'Comparison, randomised or panel study',
  'before-after': 'Before and after in NHS data, no comparison group',
  'participant-reported': "Participants' own reports or qualitative evaluation",
  'expert-opinion': 'Expert recommendation, policy or case description',
};

/** A public source, as the evidence review read it (most pages were read only as excerpts). */
export interface Source {
  /** The page's or report's title, as the review names it or as its address gives it. */
  readonly title: string;
  readonly publisher: string;
  /** Year of publication where the review or the address gives it; null otherwise. */
  readonly year: number | null;
  readonly url: string;
}

export interface EvidenceItem {
  /** What the source says, in plain words. */
  readonly claim: string;
  /** Keys into SOURCES (sources.ts). */
  readonly sources: readonly string[];
  readonly strength: EvidenceStrength;
  /** True when the study was not in the NHS (its setting differs, so it is evidence by analogy). */
  readonly outsideNhs: boolean;
}

/** An indicator an intervention aims to move, by the standard's id and the indicator's id in that standard. */
export interface TargetedIndicator {
  /** The registered standard's id: "wres", "wdes". */
  readonly standard: string;
  /** The indicator's id within the standard: "3", "4a_managers". */
  readonly indicator: string;
  /**
   * True when the link is the review's inference rather than a source's claim (for example, fewer formal
   * disciplinary cases improving experience of discrimination).
   */
  readonly inferred: boolean;
}

export interface CatalogueIntervention {
  /** Stable identifier: lower-case words joined by hyphens. */
  readonly id: string;
  readonly name: string;
  /** What is done, in two or three sentences. */
  readonly summary: string;
  readonly targets: readonly TargetedIndicator[];
  readonly evidence: readonly EvidenceItem[];
  /** The strength of the evidence taken together, for a one-word reading. */
  readonly overallStrength: EvidenceStrength;
  readonly cautions: readonly string[];
  /** Measures a team would usually follow, besides the targeted indicators. */
  readonly typicalMeasures: readonly string[];
}

/** A targeted indicator the review links directly. */
export const direct = (standard: string, ...indicators: string[]): TargetedIndicator[] =>
  indicators.map((indicator) => ({ standard, indicator, inferred: false }));

/** A targeted indicator the review links by inference only. */
export const inferred = (standard: string, ...indicators: string[]): TargetedIndicator[] =>
  indicators.map((indicator) => ({ standard, indicator, inferred: true }));

/**
 * What the store keeps of staff networks (migration 0015): the network with its chair and executive sponsor (names
 * and roles only; members are never recorded), what it said about objectives and interventions, its mentoring
 * programmes, and its pulse questions with each option's tally (answers are only counted: nothing records when or
 * from where anyone answered).
 */

export interface NetworkFields {
  readonly name: string;
  readonly purpose: string;
  readonly chairName: string;
  readonly chairRole: string;
  /** The chair's Mirror account, when they have one: they may then record the network's input, programmes and questions. */
  readonly chairUserId: number | null;
  readonly sponsorName: string;
  readonly sponsorRole: string;
}

export interface StaffNetwork extends NetworkFields {
  readonly id: number;
  readonly organisationId: number;
  readonly createdAt: Date;
}

export interface NewNetworkInput {
  readonly networkId: number;
  /** Exactly one of the objective and the intervention. */
  readonly objectiveId: number | null;
  readonly interventionId: number | null;
  readonly said: string;
  /** The day the network gave it, YYYY-MM-DD. */
  readonly givenOn: string;
  readonly recordedBy: number | null;
}

export interface NetworkInput extends NewNetworkInput {
  readonly id: number;
  readonly networkName: string;
  readonly recordedAt: Date;
}

export type MentoringKind = 'reciprocal' | 'reverse';

export interface ProgrammeFields {
  readonly name: string;
  readonly kind: MentoringKind;
  readonly pairs: number;
  readonly startDate: string;
  readonly endDate: string | null;
  /** What the evaluation found, in words. */
  readonly evaluation: string;
  readonly pairsCompleted: number | null;
  /** Of those asked in the evaluation, how many answered and how many answered favourably. */
  readonly responses: number | null;
  readonly positiveResponses: number | null;
}

export interface MentoringProgramme extends ProgrammeFields {
  readonly id: number;
  readonly networkId: number;
  readonly updatedAt: Date;
}

export interface NewPulseQuestion {
  readonly networkId: number;
  readonly question: string;
  readonly options: readonly string[];
  /** YYYY-MM-DD, both days included. */
  readonly opensOn: string;
  readonly closesOn: string;
  readonly createdBy: number | null;
}

export interface PulseQuestion extends NewPulseQuestion {
  readonly id: number;
  readonly createdAt: Date;
}

export interface StaffNetworksStore {
  /** The organisation's networks, by name. */
  list(organisationId: number): Promise<readonly StaffNetwork[]>;
  /** The organisation's network, or null (another organisation's is never returned). */
  byId(organisationId: number, id: number): Promise<StaffNetwork | null>;
  /** Returns the new network's id; throws when the organisation already has a network of that name. */
  create(organisationId: number, fields: NetworkFields, createdBy: number | null): Promise<number>;
  update(id: number, fields: NetworkFields): Promise<void>;

  addInput(input: NewNetworkInput): Promise<number>;
  /** A network's input, newest day first. */
  inputs(networkId: number): Promise<readonly NetworkInput[]>;
  /** Every network's input on an objective or an intervention, oldest day first. */
  inputsOn(subject: { readonly objectiveId: number } | { readonly interventionId: number }): Promise<readonly NetworkInput[]>;

  /** Adds a programme, or with `id` changes the network's programme; returns its id (null when `id` is not the network's). */
  saveProgramme(networkId: number, fields: ProgrammeFields, updatedBy: number | null, id?: number): Promise<number | null>;
  programmes(networkId: number): Promise<readonly MentoringProgramme[]>;

  createQuestion(question: NewPulseQuestion): Promise<number>;
  /** A network's questions, newest first. */
  questions(networkId: number): Promise<readonly PulseQuestion[]>;
  question(networkId: number, id: number): Promise<PulseQuestion | null>;
  /** Adds one to the option's tally. */
  answer(questionId: number, optionIndex: number): Promise<void>;
  /** Each option's tally, by option index (0 where none). */
  tallies(questionId: number, options: number): Promise<readonly number[]>;
}

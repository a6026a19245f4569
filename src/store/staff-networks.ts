/** Staff networks, their input, mentoring programmes and pulse questions (migration 0015). */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { MentoringProgrammesTable, PulseQuestionsTable, StaffNetworksTable } from './schema-networks.ts';
import type { MentoringKind, MentoringProgramme, NetworkFields, PulseQuestion, StaffNetwork, StaffNetworksStore } from './staff-network-types.ts';
import { toDate } from './values.ts';

function toNetwork(row: Selectable<StaffNetworksTable>): StaffNetwork {
  return {
    id: row.id, organisationId: row.organisation_id, name: row.name, purpose: row.purpose, chairName: row.chair_name, chairRole: row.chair_role,
    chairUserId: row.chair_user_id, sponsorName: row.sponsor_name, sponsorRole: row.sponsor_role, createdAt: toDate(row.created_at),
  };
}

function networkColumns(f: NetworkFields) {
  return {
    name: f.name, purpose: f.purpose, chair_name: f.chairName, chair_role: f.chairRole, chair_user_id: f.chairUserId,
    sponsor_name: f.sponsorName, sponsor_role: f.sponsorRole,
  };
}

function toProgramme(row: Selectable<MentoringProgrammesTable>): MentoringProgramme {
  return {
    id: row.id, networkId: row.network_id, name: row.name, kind: row.kind as MentoringKind, pairs: row.pairs, startDate: row.start_date,
    endDate: row.end_date, evaluation: row.evaluation, pairsCompleted: row.pairs_completed, responses: row.responses,
    positiveResponses: row.positive_responses, updatedAt: toDate(row.updated_at),
  };
}

function toQuestion(row: Selectable<PulseQuestionsTable>): PulseQuestion {
  return {
    id: row.id, networkId: row.network_id, question: row.question, options: JSON.parse(row.options) as string[], opensOn: row.opens_on,
    closesOn: row.closes_on, createdBy: row.created_by, createdAt: toDate(row.created_at),
  };
}

export function staffNetworksRepository(db: Kysely<Database>): StaffNetworksStore {
  const inputsQuery = () => db.selectFrom('network_inputs').innerJoin('staff_networks', 'staff_networks.id', 'network_inputs.network_id')
    .selectAll('network_inputs').select('staff_networks.name as network_name');
  type InputRow = Awaited<ReturnType<ReturnType<typeof inputsQuery>['execute']>>[number];
  const toInput = (r: InputRow) => ({
    id: r.id, networkId: r.network_id, networkName: r.network_name, objectiveId: r.objective_id, interventionId: r.intervention_id,
    said: r.said, givenOn: r.given_on, recordedBy: r.recorded_by, recordedAt: toDate(r.recorded_at),
  });

  return {
    async list(organisationId) {
      const rows = await db.selectFrom('staff_networks').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
      return rows.map(toNetwork);
    },

    async byId(organisationId, id) {
      const row = await db.selectFrom('staff_networks').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
      return row ? toNetwork(row) : null;
    },

    async create(organisationId, fields, createdBy) {
      const row = await db.insertInto('staff_networks').values({ organisation_id: organisationId, ...networkColumns(fields), created_by: createdBy, created_at: new Date() })
        .returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    async update(id, fields) {
      await db.updateTable('staff_networks').set(networkColumns(fields)).where('id', '=', id).execute();
    },

    async addInput(i) {
      const row = await db.insertInto('network_inputs').values({
        network_id: i.networkId, objective_id: i.objectiveId, intervention_id: i.interventionId, said: i.said, given_on: i.givenOn,
        recorded_by: i.recordedBy, recorded_at: new Date(),
      }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    async inputs(networkId) {
      const rows = await inputsQuery().where('network_inputs.network_id', '=', networkId).orderBy('network_inputs.given_on', 'desc').orderBy('network_inputs.id', 'desc').execute();
      return rows.map(toInput);
    },

    async inputsOn(subject) {
      const query = 'objectiveId' in subject
        ? inputsQuery().where('network_inputs.objective_id', '=', subject.objectiveId)
        : inputsQuery().where('network_inputs.intervention_id', '=', subject.interventionId);
      const rows = await query.orderBy('network_inputs.given_on').orderBy('network_inputs.id').execute();
      return rows.map(toInput);
    },

    async saveProgramme(networkId, f, updatedBy, id) {
      const values = {
        name: f.name, kind: f.kind, pairs: f.pairs, start_date: f.startDate, end_date: f.endDate, evaluation: f.evaluation,
        pairs_completed: f.pairsCompleted, responses: f.responses, positive_responses: f.positiveResponses, updated_by: updatedBy, updated_at: new Date(),
      };
      if (id === undefined) {
        const row = await db.insertInto('mentoring_programmes').values({ network_id: networkId, ...values }).returning('id').executeTakeFirstOrThrow();
        return row.id;
      }
      const result = await db.updateTable('mentoring_programmes').set(values).where('id', '=', id).where('network_id', '=', networkId).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? id : null;
    },

    async programmes(networkId) {
      const rows = await db.selectFrom('mentoring_programmes').selectAll().where('network_id', '=', networkId).orderBy('start_date', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toProgramme);
    },

    async createQuestion(q) {
      const row = await db.insertInto('pulse_questions').values({
        network_id: q.networkId, question: q.question, options: JSON.stringify(q.options), opens_on: q.opensOn, closes_on: q.closesOn,
        created_by: q.createdBy, created_at: new Date(),
      }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    async questions(networkId) {
      const rows = await db.selectFrom('pulse_questions').selectAll().where('network_id', '=', networkId).orderBy('opens_on', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toQuestion);
    },

    async question(networkId, id) {
      const row = await db.selectFrom('pulse_questions').selectAll().where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
      return row ? toQuestion(row) : null;
    },

    async answer(questionId, optionIndex) {
      await db.insertInto('pulse_tallies').values({ question_id: questionId, option_index: optionIndex, answers: 1 })
        .onConflict((oc) => oc.columns(['question_id', 'option_index']).doUpdateSet((eb) => ({ answers: eb('pulse_tallies.answers', '+', 1) }))).execute();
    },

    async tallies(questionId, options) {
      const rows = await db.selectFrom('pulse_tallies').select(['option_index', 'answers']).where('question_id', '=', questionId).execute();
      return Array.from({ length: options }, (_, i) => rows.find((r) => r.option_index === i)?.answers ?? 0);
    },
  };
}

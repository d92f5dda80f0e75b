import type { Kysely, Transaction } from "kysely";
import type {
  FeedbackSurvey,
  TaxonomyEntry,
  TaxonomyKind,
} from "../../../core/schemas/community-config";
import type { DB } from "../../db/schema";

const tables = { topics: "outreach_topics", categories: "issue_categories" } as const;

/** Seeded entries have no name: their text is this locale key. */
export const taxonomyNameKey = (kind: TaxonomyKind, code: string, name: string | null) =>
  name === null ? `community.${kind}.${code}` : null;

function reader(db: Kysely<DB> | Transaction<DB>) {
  return {
    async list(kind: TaxonomyKind): Promise<TaxonomyEntry[]> {
      const rows = await db
        .selectFrom(tables[kind])
        .select(["id", "code", "name", "is_active as isActive", "sort_order as sortOrder"])
        .orderBy("sort_order")
        .orderBy("code")
        .execute();
      return rows.map((r) => ({ ...r, nameKey: taxonomyNameKey(kind, r.code, r.name) }));
    },

    async find(kind: TaxonomyKind, id: number): Promise<TaxonomyEntry | undefined> {
      return (await this.list(kind)).find((e) => e.id === id);
    },

    async surveys(): Promise<FeedbackSurvey[]> {
      const surveys = await db
        .selectFrom("feedback_surveys")
        .select(["id", "code", "name", "is_active as isActive"])
        .orderBy("id")
        .execute();
      const questions = await db
        .selectFrom("feedback_questions")
        .select(["id", "survey_id as surveyId", "position", "code", "kind", "text"])
        .orderBy("survey_id")
        .orderBy("position")
        .execute();
      return surveys.map((s) => ({
        ...s,
        nameKey: s.name === null ? `community.feedback.${s.code}` : null,
        questions: questions
          .filter((q) => q.surveyId === s.id)
          .map(({ surveyId: _surveyId, ...q }) => ({
            ...q,
            textKey: q.text === null ? `community.feedback.${q.code}` : null,
          })),
      }));
    },

    /** The materialised path of the root unit: configuring the taxonomies needs a grant there. */
    async rootPath(): Promise<string | undefined> {
      const row = await db
        .selectFrom("org_units")
        .select("path")
        .where("parent_id", "is", null)
        .orderBy("id")
        .executeTakeFirst();
      return row?.path;
    },
  };
}

function writer(trx: Transaction<DB>) {
  return {
    ...reader(trx),

    async isCodeTaken(kind: TaxonomyKind, code: string): Promise<boolean> {
      const row = await trx
        .selectFrom(tables[kind])
        .select("id")
        .where("code", "=", code)
        .executeTakeFirst();
      return row !== undefined;
    },

    async insert(
      kind: TaxonomyKind,
      values: { code: string; name: string; sortOrder: number },
    ): Promise<number> {
      const row = await trx
        .insertInto(tables[kind])
        .values({ code: values.code, name: values.name, sort_order: values.sortOrder })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Returns whether the entry exists. */
    async update(
      kind: TaxonomyKind,
      id: number,
      changes: { name?: string; isActive?: boolean; sortOrder?: number },
    ): Promise<boolean> {
      const result = await trx
        .updateTable(tables[kind])
        .set({
          ...(changes.name === undefined ? {} : { name: changes.name }),
          ...(changes.isActive === undefined ? {} : { is_active: changes.isActive }),
          ...(changes.sortOrder === undefined ? {} : { sort_order: changes.sortOrder }),
        })
        .where("id", "=", id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

export type CommunityConfigWriter = ReturnType<typeof writer>;

/** SQL of the outreach topics, the issue categories and the feedback surveys. */
export function createCommunityConfigRepository(db: Kysely<DB>) {
  return {
    ...reader(db),
    transaction<T>(work: (w: CommunityConfigWriter) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(writer(trx)));
    },
  };
}

export type CommunityConfigRepository = ReturnType<typeof createCommunityConfigRepository>;

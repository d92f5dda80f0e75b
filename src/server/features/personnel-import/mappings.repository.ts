import type { Kysely } from "kysely";
import {
  personnelMapping,
  type MappingTemplate,
  type PersonnelMapping,
} from "../../../core/schemas/personnel-import";
import type { DB } from "../../db/schema";

/** Named column mappings of personnel files (one HR system's export shape each). */
export function createMappingsRepository(db: Kysely<DB>) {
  const toTemplate = (row: {
    name: string;
    mapping: unknown;
    updated_at: Date;
  }): MappingTemplate => ({
    name: row.name,
    mapping: personnelMapping.parse(row.mapping),
    updatedAt: row.updated_at.toISOString(),
  });
  return {
    async list(): Promise<MappingTemplate[]> {
      const rows = await db
        .selectFrom("import_mappings")
        .select(["name", "mapping", "updated_at"])
        .where("kind", "=", "personnel")
        .orderBy("name")
        .execute();
      return rows.map(toTemplate);
    },

    async get(name: string): Promise<PersonnelMapping | null> {
      const row = await db
        .selectFrom("import_mappings")
        .select(["name", "mapping", "updated_at"])
        .where("kind", "=", "personnel")
        .where("name", "=", name)
        .executeTakeFirst();
      return row ? toTemplate(row).mapping : null;
    },

    async put(
      name: string,
      mapping: PersonnelMapping,
      userId: number | null,
    ): Promise<MappingTemplate> {
      const row = await db
        .insertInto("import_mappings")
        .values({ kind: "personnel", name, mapping: JSON.stringify(mapping), updated_by: userId })
        .onConflict((oc) =>
          oc.columns(["kind", "name"]).doUpdateSet({
            mapping: JSON.stringify(mapping),
            updated_by: userId,
            updated_at: new Date(),
          }),
        )
        .returning(["name", "mapping", "updated_at"])
        .executeTakeFirstOrThrow();
      return toTemplate(row);
    },

    async remove(name: string): Promise<boolean> {
      const result = await db
        .deleteFrom("import_mappings")
        .where("kind", "=", "personnel")
        .where("name", "=", name)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type MappingsRepository = ReturnType<typeof createMappingsRepository>;

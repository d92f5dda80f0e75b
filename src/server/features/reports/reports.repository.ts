import { sql, type Kysely } from "kysely";
import { LATE_RECORD_DAYS, type DataQualityCounts } from "../../../core/reports/data-quality";
import type { DB } from "../../db/schema";
import { escapeLike, inScope, type Scope } from "../../http/scope";

export interface DataQualityQuery {
  readonly scope: Scope;
  /** The report's unit subtree (today's tree), already checked against the scope. */
  readonly unitPath: string;
  /** Persons in post on this date. */
  readonly at: string;
  /** Events that took effect in [from, to). */
  readonly from: string;
  readonly to: string;
}

/** The few counts of the report's data-quality section that no indicator gives. */
export function createReportsRepository(db: Kysely<DB>) {
  return {
    /**
     * Persons in post on `at` in the subtree (and how many have no birth year); career events that
     * took effect in [from, to), retracted ones left out, in the subtree of the post they opened or
     * closed (a transfer belongs to both units), and how many of them were recorded more than
     * LATE_RECORD_DAYS days after that day.
     */
    async countDataQuality(query: DataQualityQuery): Promise<DataQualityCounts> {
      const under = sql<string>`${escapeLike(query.unitPath) + "%"}`;
      const persons = await db
        .selectFrom("persons as p")
        .select([
          (eb) => eb.fn.countAll<string>().as("in_post"),
          sql<string>`count(*) FILTER (WHERE p.birth_year IS NULL)`.as("no_birth_year"),
        ])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("career_spells as s")
              .innerJoin("org_units as ou", "ou.id", "s.org_unit_id")
              .select(sql`1`.as("one"))
              .whereRef("s.person_id", "=", "p.id")
              .where("s.valid_from", "<=", query.at)
              .where((eb) => eb.or([eb("s.valid_to", "is", null), eb("s.valid_to", ">", query.at)]))
              .where("ou.path", "like", under)
              .where(inScope(sql.ref("ou.path"), query.scope)),
          ),
        )
        .executeTakeFirstOrThrow();
      const events = await db
        .selectFrom("career_events as e")
        .select([
          (eb) => eb.fn.countAll<string>().as("events"),
          sql<string>`count(*) FILTER (WHERE e.recorded_at::date - e.effective_date > ${sql.lit(LATE_RECORD_DAYS)})`.as(
            "late",
          ),
        ])
        .where("e.effective_date", ">=", query.from)
        .where("e.effective_date", "<", query.to)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("career_event_retractions as r")
                .select(sql`1`.as("one"))
                .whereRef("r.event_id", "=", "e.id"),
            ),
          ),
        )
        .where((outer) =>
          outer.exists(
            // The post held on the day: the spell it opened, or the spell it closed.
            outer
              .selectFrom("career_spells as s")
              .innerJoin("org_units as ou", "ou.id", "s.org_unit_id")
              .select(sql`1`.as("one"))
              .whereRef("s.person_id", "=", "e.person_id")
              .whereRef("s.valid_from", "<=", "e.effective_date")
              .where((eb) =>
                eb.or([
                  eb("s.valid_to", "is", null),
                  eb("s.valid_to", ">=", eb.ref("e.effective_date")),
                ]),
              )
              .where("ou.path", "like", under)
              .where(inScope(sql.ref("ou.path"), query.scope)),
          ),
        )
        .executeTakeFirstOrThrow();
      return {
        inPost: Number(persons.in_post),
        noBirthYear: Number(persons.no_birth_year),
        eventsInPeriod: Number(events.events),
        lateEvents: Number(events.late),
      };
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;

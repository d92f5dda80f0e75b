import path from "node:path";
import { loadConfig } from "../src/server/config";
import { openDatabase } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { cliEnv } from "./cli";
import { rankSpec, seedOrgTree, seedWorkforce, treeSpec, type Career } from "./factories";

/** Known careers: F/M/X/U, exits, a re-hire, transfers across provinces, same-day events, leave. */
export const knownCareers: Career[] = [
  c("TP01", "F", ["hire", "2015-03-01", "CON", "P1-D1-S1"], ["promotion", "2019-06-01", "SGT"]),
  c(
    "TP02",
    "M",
    ["hire", "2012-01-10", "CON", "P1-D1"],
    ["transfer", "2018-05-01", undefined, "P2-D1"],
    ["promotion", "2021-01-01", "SUPT"],
  ),
  c("TP03", "U", ["hire", "2016-07-01", "CON", "P1-D2"]),
  c("TP04", "X", ["hire", "2017-02-01", "SGT", "P1-D1-S1"]),
  c("TP05", "F", ["hire", "2010-01-01", "SUPT", "HQ"], ["exit", "2020-12-31"]),
  c(
    "TP06",
    "M",
    ["hire", "2014-04-01", "CON", "P2"],
    ["leave_start", "2019-01-01"],
    ["leave_end", "2019-09-01"],
  ),
  c(
    "TP07",
    "F",
    ["hire", "2013-01-01", "CON", "P2-D1"],
    ["exit", "2016-01-01"],
    ["hire", "2018-01-01", "CON", "P1"],
  ),
  c("TP08", "M", ["hire", "2022-01-01", "CON", "NU-CID"]),
  c(
    "TP09",
    "F",
    ["hire", "2011-01-01", "CON", "P1-D1-S1"],
    ["transfer", "2020-06-01", undefined, "P2"],
  ),
  c("TP10", "U", ["hire", "2019-01-01", "SGT", "P2-D1"], ["exit", "2023-06-30"]),
  c(
    "TP11",
    "M",
    ["hire", "2008-01-01", "SGT", "P1"],
    ["promotion", "2016-01-01", "SUPT"],
    ["transfer", "2016-01-01", undefined, "HQ"],
  ),
  c("TP12", "F", ["hire", "2020-06-01", "CON", "P1-D2"]),
  c("TP13", "M", ["hire", "2009-05-05", "CON", "P1-D1"]),
];

function c(
  serviceNumber: string,
  sex: Career["sex"],
  ...steps: Array<
    [Career["steps"][number]["type"], string, Career["steps"][number]["rank"]?, string?]
  >
): Career {
  return {
    serviceNumber,
    sex,
    steps: steps.map(([type, date, rank, unit]) => ({ type, date, rank, unit })),
  };
}

/** Independent of the spells and the SQL: replay each career up to `asOf`. */
export function expectedCounts(unitCode: string, asOf: string) {
  const parentOf = new Map(treeSpec.map((u) => [u.code, u.parent]));
  const isUnder = (code: string): boolean =>
    code === unitCode || (parentOf.has(code) && isUnder(parentOf.get(code) ?? ""));
  const groups = new Map<string, Record<"F" | "M" | "X" | "U" | "N", number>>(
    rankSpec.map((r) => [r.group, { F: 0, M: 0, X: 0, U: 0, N: 0 }]),
  );
  for (const career of knownCareers) {
    let state: { rank: string; unit: string } | null = null;
    let last = { rank: "", unit: "" };
    for (const step of career.steps) {
      if (step.date > asOf) break;
      if (step.type === "exit") state = null;
      else {
        last = { rank: step.rank ?? last.rank, unit: step.unit ?? last.unit };
        state = { ...last };
      }
    }
    if (!state || !isUnder(state.unit)) continue;
    const group = rankSpec.find((r) => r.code === state.rank)?.group;
    const counts = group === undefined ? undefined : groups.get(group);
    if (!counts) throw new Error(`no group for ${state.rank}`);
    counts[career.sex]++;
    counts.N++;
  }
  return groups;
}

/** A CLI environment whose embedded database under `dir` holds the seeded tree and the known careers. */
export async function knownCareersCliEnv(dir: string): Promise<NodeJS.ProcessEnv> {
  const env = cliEnv({ TANDEM_DATA_DIR: path.join(dir, "data") });
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error("bad test config");
  const database = await openDatabase(loaded.config.database);
  try {
    await migrate(database);
    await seedWorkforce(database.db, await seedOrgTree(database.db), knownCareers);
  } finally {
    await database.close();
  }
  return env;
}

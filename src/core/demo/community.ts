import { makeReferenceCode } from "../community/reference-code";
import {
  defaultIssueCategories,
  defaultOutreachTopics,
  type AgeGroup,
  type AttendanceAgeGroup,
  type FeedbackChannel,
  type FeedbackChoice,
  type IssueSource,
} from "../community/vocabulary";
import type { Sex } from "../schemas/sex";
import {
  buildDemoStakeholders,
  stakeholdersServing,
  type DemoStakeholder,
} from "./community-stakeholders";
import {
  MINUTES_PER_DAY,
  simulateIssueLifecycle,
  type DemoIssueState,
  type Minute,
} from "./community-lifecycle";
import { describeProblem, placeName, referralTargets } from "./community-texts";
import type { DemoUnit } from "./country";
import { createRandom, type Random } from "./prng";

export interface DemoSession {
  readonly unitIndex: number;
  readonly day: number;
  readonly place: string;
  readonly coordinates: { latitude: number; longitude: number } | null;
  readonly notes: string;
  readonly officers: Record<Sex, number>;
  readonly attendance: ReadonlyArray<{ sex: Sex; ageGroup: AttendanceAgeGroup; count: number }>;
  readonly topicCodes: readonly string[];
  readonly partnerIndexes: readonly number[];
}

export interface DemoIssue extends DemoIssueState {
  readonly reference: string;
  readonly source: IssueSource;
  readonly categoryCode: string;
  readonly description: string;
  readonly place: string | null;
  readonly sessionIndex: number | null;
  readonly unitIndex: number;
  readonly sex: Sex | null;
  readonly ageGroup: AgeGroup | null;
  readonly isAnonymous: boolean;
  /** A fictional phone number; the loader seals it (or drops it without a key). */
  readonly contact: string | null;
  readonly womanOfficerRequested: boolean;
  readonly dueDay: number;
  readonly createdAt: Minute;
}

export interface DemoFeedback {
  readonly issueIndex: number | null;
  readonly sessionIndex: number | null;
  readonly unitIndex: number;
  readonly channel: FeedbackChannel;
  readonly sex: Sex | null;
  readonly ageGroup: AgeGroup | null;
  readonly submittedAt: Minute;
  /** By question code of the default survey: 1–5, or a choice. */
  readonly answers: ReadonlyArray<{
    code: string;
    value: number | null;
    choice: FeedbackChoice | null;
  }>;
}

export interface CommunityDemo {
  readonly stakeholders: readonly DemoStakeholder[];
  readonly sessions: readonly DemoSession[];
  readonly issues: readonly DemoIssue[];
  readonly feedback: readonly DemoFeedback[];
}

export const COMMUNITY_DEMO_DAYS = 730;
const DUE_DAYS = 14;
const sexes = ["F", "M", "X", "U"] as const;
const ages = ["child", "youth", "adult", "older"] as const;

function attendanceOf(random: Random): DemoSession["attendance"] {
  const total = random.int(15, 120);
  if (random.chance(0.08)) return [{ sex: "U", ageGroup: "unknown", count: total }];
  const cells: Array<DemoSession["attendance"][number]> = [];
  const sexShare = [0.56, 0.41, 0.01, 0.02];
  const ageShare = [0.1, 0.25, 0.5, 0.15];
  sexes.forEach((sex, i) =>
    ages.forEach((ageGroup, j) => {
      const count = Math.round(
        total * (sexShare[i] ?? 0) * (ageShare[j] ?? 0) * (0.6 + random.next() * 0.8),
      );
      if (count > 0) cells.push({ sex, ageGroup, count });
    }),
  );
  return cells;
}

function pickDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0)
    chosen.push(...pool.splice(random.int(0, pool.length - 1), 1));
  return chosen;
}

function answersFor(
  random: Random,
  status: string | null,
  womanServed: boolean,
): DemoFeedback["answers"] {
  const weights =
    status === "closed_not_resolved"
      ? [30, 30, 20, 15, 5]
      : status === "partly_resolved"
        ? [8, 15, 30, 32, 15]
        : [3, 6, 15, 40, 36];
  const scale = () => (random.chance(0.05) ? null : random.weighted(weights) + 1);
  const feltSafe = random.weighted(womanServed ? [88, 6, 6] : [72, 18, 10]);
  return [
    { code: "satisfaction", value: scale(), choice: null },
    { code: "trust_police", value: scale(), choice: null },
    {
      code: "felt_safe_reporting",
      value: null,
      choice: (["yes", "no", "dont_know"] as const)[feltSafe] ?? "yes",
    },
  ].map((a) =>
    a.value === null && a.choice === null ? { ...a, choice: "dont_know" as const } : a,
  );
}

/**
 * Two years of community policing in the demo country, ending the day before `endDay` (a day
 * number): stakeholders, outreach sessions at stations (and some districts), problems raised in
 * them and at walk-ins, by phone and through the public channel, each run through the issue
 * lifecycle, referrals, and feedback. Deterministic for a seed.
 */
export function generateCommunityDemo(
  units: readonly DemoUnit[],
  options: { seed: number; endDay: number },
): CommunityDemo {
  const random = createRandom(options.seed ^ 0xc0ffee);
  const stakeholders = buildDemoStakeholders(units);
  const serving = stakeholdersServing(units, stakeholders);
  const startDay = options.endDay - COMMUNITY_DEMO_DAYS;
  const end = options.endDay * MINUTES_PER_DAY;
  const sessions: DemoSession[] = [];
  const pending: Array<Omit<DemoIssue, keyof DemoIssueState | "reference">> = [];
  const newIssue = (
    unitIndex: number,
    source: IssueSource,
    day: number,
    sessionIndex: number | null,
  ) => {
    const sex = (["F", "M", "X", "U"] as const)[random.weighted([55, 38, 1, 6])] ?? "U";
    const categoryCode = random.pick(defaultIssueCategories);
    const isAnonymous = random.chance(source === "public_channel" ? 0.4 : 0.1);
    const isGbv = categoryCode === "domestic_violence" || categoryCode === "gender_based_violence";
    pending.push({
      source,
      categoryCode,
      description: describeProblem(random, categoryCode),
      place: random.chance(0.8) ? placeName(random) : null,
      sessionIndex,
      unitIndex,
      sex: random.chance(0.9) ? sex : null,
      ageGroup: random.chance(0.85) ? (ages[random.weighted([5, 25, 55, 15])] ?? "adult") : null,
      isAnonymous,
      contact:
        !isAnonymous && random.chance(0.6)
          ? `0${random.int(10, 99)} ${random.int(100, 999)} ${random.int(100, 999)}`
          : null,
      womanOfficerRequested: random.chance(sex === "F" && isGbv ? 0.45 : sex === "F" ? 0.1 : 0.02),
      dueDay: day + DUE_DAYS,
      createdAt: day * MINUTES_PER_DAY + random.int(7 * 60, 17 * 60),
    });
  };

  for (const unit of units) {
    const isStation = unit.kind === "station";
    if (!isStation && unit.kind !== "district") continue;
    const serves = serving[unit.index] ?? [];
    for (let month = 0; month < 24; month++) {
      const monthStart = startDay + Math.floor((month * COMMUNITY_DEMO_DAYS) / 24);
      const monthDays = Math.floor(COMMUNITY_DEMO_DAYS / 24);
      const count = isStation ? random.weighted([55, 33, 10, 2]) : random.chance(0.1) ? 1 : 0;
      for (let k = 0; k < count; k++) {
        const day = monthStart + random.int(0, monthDays - 1);
        if (day >= options.endDay) continue;
        sessions.push({
          unitIndex: unit.index,
          day,
          place: placeName(random),
          coordinates: random.chance(0.6)
            ? { latitude: 10.5 + random.next() * 4, longitude: 102.5 + random.next() * 5 }
            : null,
          notes: random.chance(0.3) ? "Held with the commune council and village chiefs" : "",
          officers: {
            F: random.int(0, 3),
            M: random.int(1, 4),
            X: 0,
            U: random.chance(0.05) ? 1 : 0,
          },
          attendance: attendanceOf(random),
          topicCodes: pickDistinct(random, defaultOutreachTopics, random.int(1, 3)),
          partnerIndexes: pickDistinct(random, serves, random.weighted([40, 45, 15])),
        });
        const problems = random.weighted([45, 30, 15, 7, 3]);
        for (let p = 0; p < problems; p++)
          newIssue(unit.index, "outreach", day, sessions.length - 1);
      }
      if (!isStation) continue;
      const others = random.weighted([35, 35, 20, 10]);
      for (let k = 0; k < others; k++) {
        const day = monthStart + random.int(0, monthDays - 1);
        const source =
          (["walk_in", "phone", "public_channel"] as const)[random.weighted([40, 35, 25])] ??
          "walk_in";
        if (day < options.endDay) newIssue(unit.index, source, day, null);
      }
    }
  }

  pending.sort((a, b) => a.createdAt - b.createdAt);
  const references = new Set<string>();
  const reference = () => {
    for (;;) {
      const code = makeReferenceCode((n) => random.int(0, n - 1));
      if (references.has(code)) continue;
      references.add(code);
      return code;
    }
  };
  const issues: DemoIssue[] = pending.map((base) => ({
    ...base,
    reference: reference(),
    ...simulateIssueLifecycle(random, {
      createdAt: base.createdAt,
      end,
      canSolveOnTheSpot: base.source === "outreach" || base.source === "walk_in",
      womanOfficerRequested: base.womanOfficerRequested,
      referralTargets: referralTargets(
        base.categoryCode,
        serving[base.unitIndex] ?? [],
        stakeholders,
      ),
      request: `Please help with: ${base.description}`,
    }),
  }));

  const feedback: DemoFeedback[] = [];
  issues.forEach((issue, issueIndex) => {
    const reachable = issue.contact !== null || issue.source === "public_channel";
    if (issue.closedAt === null || !reachable || !random.chance(0.25)) return;
    const submittedAt = issue.closedAt + random.int(1, 14) * MINUTES_PER_DAY;
    if (submittedAt >= end) return;
    feedback.push({
      issueIndex,
      sessionIndex: null,
      unitIndex: issue.unitIndex,
      channel: issue.source === "public_channel" ? "public_channel" : "phone",
      sex: issue.sex,
      ageGroup: issue.ageGroup,
      submittedAt,
      answers: answersFor(random, issue.status, issue.womanOfficerAssigned),
    });
  });
  sessions.forEach((session, sessionIndex) => {
    if (!random.chance(0.35)) return;
    for (let k = random.int(3, 10); k > 0; k--) {
      feedback.push({
        issueIndex: null,
        sessionIndex,
        unitIndex: session.unitIndex,
        channel: "paper",
        sex: (["F", "M", "U"] as const)[random.weighted([55, 40, 5])] ?? "U",
        ageGroup: ages[random.weighted([3, 25, 55, 17])] ?? null,
        submittedAt: session.day * MINUTES_PER_DAY + 18 * 60,
        answers: answersFor(random, null, false),
      });
    }
  });
  return { stakeholders, sessions, issues, feedback };
}

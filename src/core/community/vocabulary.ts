/**
 * The closed vocabularies of community-oriented policing (issue 7). Migration 0009 checks the same
 * values in the database;
 * `server/features/community-issues/community-schema.test.ts` compares both.
 */

/** How a problem reached the police. `public_channel` is the resident's own submission (no sign-in). */
export const issueSources = ["outreach", "walk_in", "phone", "public_channel"] as const;
export type IssueSource = (typeof issueSources)[number];

/** The sources an officer may record; `public_channel` issues are created by the public page only. */
export const staffIssueSources = ["outreach", "walk_in", "phone"] as const;

export const stakeholderTypes = [
  "government_department",
  "ngo",
  "shelter",
  "legal_aid",
  "health",
  "local_authority",
] as const;
export type StakeholderType = (typeof stakeholderTypes)[number];

/** Age groups of a person raising a problem or answering a survey. */
export const ageGroups = ["child", "youth", "adult", "older"] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** Attendance cells may also be of unknown age: a session counted only as a total is `U` × `unknown`. */
export const attendanceAgeGroups = [...ageGroups, "unknown"] as const;
export type AttendanceAgeGroup = (typeof attendanceAgeGroups)[number];

/** What the stakeholder did with a referral; null while no answer is recorded. */
export const referralOutcomes = [
  "resolved",
  "partly_resolved",
  "not_resolved",
  "declined",
] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

/** The resident's answer to "is it fixed?" on the follow-up page. */
export const residentConfirmations = ["fixed", "not_fixed", "dont_know"] as const;
export type ResidentConfirmation = (typeof residentConfirmations)[number];

/** Entries of an issue's history; rows are only ever appended. */
export const issueEventKinds = [
  "created",
  "status",
  "reopen",
  "assignment",
  "note",
  "referral",
  "referral_update",
  "update",
  "resident_confirmation",
] as const;
export type IssueEventKind = (typeof issueEventKinds)[number];

/** Who acted: a signed-in officer, the resident (public follow-up page), or the system (demo, jobs). */
export const issueActorKinds = ["staff", "resident", "system"] as const;
export type IssueActorKind = (typeof issueActorKinds)[number];

/** Survey question kinds: a 1–5 scale (or "don't know"), or yes / no / don't know. */
export const feedbackQuestionKinds = ["scale_1_5", "yes_no"] as const;
export type FeedbackQuestionKind = (typeof feedbackQuestionKinds)[number];

export const feedbackChoices = ["yes", "no", "dont_know"] as const;
export type FeedbackChoice = (typeof feedbackChoices)[number];

export const feedbackChannels = ["paper", "public_channel", "phone"] as const;
export type FeedbackChannel = (typeof feedbackChannels)[number];

/** Outreach topics seeded by migration 0009; names are `community.topics.<code>` in every locale. */
export const defaultOutreachTopics = [
  "trafficking_smuggling",
  "online_scams",
  "gbv_domestic_violence",
  "child_protection",
  "drugs",
  "road_safety",
  "land_disputes",
  "emerging_crime",
] as const;

/** Issue categories seeded by migration 0009; names are `community.categories.<code>`. */
export const defaultIssueCategories = [
  "domestic_violence",
  "gender_based_violence",
  "trafficking_concern",
  "child_protection",
  "theft_burglary",
  "drugs",
  "online_scam",
  "land_dispute",
  "road_safety",
  "public_nuisance",
  "other",
] as const;

/** The survey seeded by migration 0009: code and its questions (texts `community.feedback.<code>`). */
export const defaultSurvey = {
  code: "after_service",
  questions: [
    { code: "satisfaction", kind: "scale_1_5" },
    { code: "trust_police", kind: "scale_1_5" },
    { code: "felt_safe_reporting", kind: "yes_no" },
  ],
} as const satisfies {
  code: string;
  questions: ReadonlyArray<{ code: string; kind: FeedbackQuestionKind }>;
};

import type { StakeholderType } from "../community/vocabulary";
import type { DemoStakeholder } from "./community-stakeholders";
import type { Random } from "./prng";

/** What residents tell the police, by issue category (the demo's texts are English). */
const problems: Readonly<Record<string, readonly string[]>> = {
  domestic_violence: [
    "Her husband beats her when he drinks; she is afraid to go home",
    "A neighbour hears a woman screaming at night",
    "An older woman is threatened by her son over money",
  ],
  gender_based_violence: [
    "Girls are harassed on the way to school",
    "A woman was assaulted near the market",
  ],
  trafficking_concern: [
    "A broker offers jobs abroad and keeps the workers' passports",
    "Two girls from the village left with a recruiter and cannot be reached",
  ],
  child_protection: [
    "Children are working at the brick kiln instead of going to school",
    "A child is left alone for days",
  ],
  theft_burglary: [
    "Motorbike stolen from the pagoda yard",
    "Houses broken into during the harvest",
  ],
  drugs: ["Young people buy drugs behind the market", "Drug use at the karaoke bar"],
  online_scam: [
    "Lost savings to an online investment offer",
    "A message asked for a bank code in the name of the police",
  ],
  land_dispute: ["Boundary dispute with a neighbour", "A company fenced farmland the family uses"],
  road_safety: [
    "Trucks speed through the village near the school",
    "No light at a dangerous crossing",
  ],
  public_nuisance: ["Loud music every night from the karaoke bar", "Fights after the cockfights"],
  other: ["Asks how to report a missing relative", "Stray dogs attack children"],
};

/** Stakeholder types that can help, best first, by category. */
const helpers: Readonly<Record<string, readonly StakeholderType[]>> = {
  domestic_violence: ["shelter", "government_department", "legal_aid", "health"],
  gender_based_violence: ["government_department", "health", "legal_aid"],
  trafficking_concern: ["government_department", "ngo"],
  child_protection: ["ngo", "government_department"],
  theft_burglary: ["local_authority"],
  drugs: ["health", "local_authority"],
  online_scam: ["legal_aid"],
  land_dispute: ["local_authority", "legal_aid"],
  road_safety: ["local_authority"],
  public_nuisance: ["local_authority"],
  other: ["local_authority", "government_department"],
};

const syllables = ["ph", "thm", "kr", "sv", "ch", "t", "p", "k", "s", "r", "b", "m"];
const vowels = ["a", "o", "ei", "ou", "ea", "e", "u", "ay"];

/** A village or venue name of the fictional country. */
export function placeName(random: Random): string {
  let name = "";
  for (let i = random.int(2, 3); i > 0; i--) name += random.pick(syllables) + random.pick(vowels);
  const village = name.charAt(0).toUpperCase() + name.slice(1);
  return random.chance(0.3) ? `${village} pagoda` : `Phum ${village}`;
}

export function describeProblem(random: Random, categoryCode: string): string {
  return random.pick(problems[categoryCode] ?? problems.other ?? ["Problem"]);
}

/** Of the stakeholders serving a unit, those that can help with the category, best type first. */
export function referralTargets(
  categoryCode: string,
  serving: readonly number[],
  stakeholders: readonly DemoStakeholder[],
): number[] {
  const types = helpers[categoryCode] ?? [];
  return types.flatMap((type) => serving.filter((i) => stakeholders[i]?.type === type));
}

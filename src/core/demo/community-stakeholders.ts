import type { StakeholderType } from "../community/vocabulary";
import type { DemoUnit } from "./country";

/** A stakeholder of the demo country; `unitIndexes` index the demo's unit list. */
export interface DemoStakeholder {
  readonly name: string;
  readonly type: StakeholderType;
  readonly services: string;
  readonly contacts: string;
  readonly isActive: boolean;
  readonly unitIndexes: readonly number[];
}

const national: ReadonlyArray<Omit<DemoStakeholder, "unitIndexes">> = [
  {
    name: "Ministry of Women's Affairs",
    type: "government_department",
    services: "Policy, case coordination, referral to provincial departments",
    contacts: "Hotline 1288",
    isActive: true,
  },
  {
    name: "National Committee for Counter Trafficking",
    type: "government_department",
    services: "Victim identification, repatriation, reintegration",
    contacts: "secretariat@ncct.example",
    isActive: true,
  },
  {
    name: "Child Helpline",
    type: "ngo",
    services: "24-hour counselling and referral for children",
    contacts: "Hotline 1280",
    isActive: true,
  },
  {
    name: "Legal Aid Society",
    type: "legal_aid",
    services: "Free legal advice and representation",
    contacts: "+000 23 555 0101",
    isActive: true,
  },
  {
    name: "Social Services Fund (closed 2023)",
    type: "ngo",
    services: "Emergency grants",
    contacts: "",
    isActive: false,
  },
];

const provincial: ReadonlyArray<{ suffix: string; type: StakeholderType; services: string }> = [
  {
    suffix: "Department of Women's Affairs",
    type: "government_department",
    services: "Case management, counselling, referral",
  },
  { suffix: "Women's Shelter", type: "shelter", services: "Safe accommodation, counselling" },
  { suffix: "Legal Aid Office", type: "legal_aid", services: "Legal advice, mediation" },
  { suffix: "Provincial Hospital", type: "health", services: "Medical care, forensic examination" },
];

/** National organisations (covering HQ), four per province, and the commune councils of each district. */
export function buildDemoStakeholders(units: readonly DemoUnit[]): DemoStakeholder[] {
  const hq = units.findIndex((u) => u.parentIndex === null);
  const list: DemoStakeholder[] = national.map((s) => ({ ...s, unitIndexes: [hq] }));
  for (const unit of units) {
    const place = unit.name.replace(/ (Province|District)$/, "");
    if (unit.kind === "province") {
      for (const [i, s] of provincial.entries()) {
        list.push({
          name: `${place} ${s.suffix}`,
          type: s.type,
          services: s.services,
          contacts: `+000 ${String(30 + (unit.index % 60)).padStart(2, "0")} 400 ${100 + i}`,
          isActive: true,
          unitIndexes: [unit.index],
        });
      }
    } else if (unit.kind === "district") {
      list.push({
        name: `${place} commune councils`,
        type: "local_authority",
        services: "Mediation of local disputes, land records, social support",
        contacts: `District hall, ${place}`,
        isActive: true,
        unitIndexes: [unit.index],
      });
    }
  }
  return list;
}

/**
 * For each unit, the active stakeholders serving it: national ones, its province's and its
 * district's (index = unit index).
 */
export function stakeholdersServing(
  units: readonly DemoUnit[],
  stakeholders: readonly DemoStakeholder[],
): number[][] {
  const ancestors = (index: number): number[] => {
    const chain: number[] = [];
    for (let u: number | null = index; u !== null; u = units[u]?.parentIndex ?? null) chain.push(u);
    return chain;
  };
  return units.map((unit) => {
    const area = new Set(ancestors(unit.index));
    return stakeholders.flatMap((s, i) =>
      s.isActive && s.unitIndexes.some((u) => area.has(u)) ? [i] : [],
    );
  });
}

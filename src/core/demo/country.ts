import type { OrgUnitKind } from "../schemas/org-units";
import { createRandom } from "./prng";

export type DemoScale = "small" | "default" | "national";

export interface ScaleSpec {
  readonly provinces: number;
  readonly districtsPerProvince: readonly [number, number];
  readonly stationsPerDistrict: readonly [number, number];
  /** Officers in post at the start of the 10-year window. */
  readonly officers: number;
}

export const scaleSpecs: Readonly<Record<DemoScale, ScaleSpec>> = {
  small: {
    provinces: 3,
    districtsPerProvince: [2, 3],
    stationsPerDistrict: [2, 4],
    officers: 2_000,
  },
  default: {
    provinces: 12,
    districtsPerProvince: [6, 8],
    stationsPerDistrict: [5, 7],
    officers: 56_000,
  },
  national: {
    provinces: 25,
    districtsPerProvince: [7, 9],
    stationsPerDistrict: [6, 8],
    officers: 470_000,
  },
};

export interface DemoUnit {
  /** Index in the unit list; the parent always comes first. */
  readonly index: number;
  readonly parentIndex: number | null;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly specialisation: string | null;
  /** Index of the province this unit belongs to (null for HQ and national units). */
  readonly provinceIndex: number | null;
}

export interface DemoRankGroup {
  readonly code: string;
  readonly name: string;
  readonly ordinal: number;
  readonly isTop: boolean;
}

export interface DemoRank {
  readonly code: string;
  readonly name: string;
  readonly ordinal: number;
  readonly groupCode: string;
}

export interface DemoJobRole {
  readonly code: string;
  readonly name: string;
  readonly specialisation: string | null;
  readonly isLeadership: boolean;
}

export const demoRankGroups: readonly DemoRankGroup[] = [
  { code: "constables", name: "Constables", ordinal: 1, isTop: false },
  { code: "inspectorate", name: "Sergeants and inspectors", ordinal: 2, isTop: false },
  { code: "commissioned", name: "Commissioned officers", ordinal: 3, isTop: false },
  { code: "senior_command", name: "Senior command", ordinal: 4, isTop: true },
];

export const demoRanks: readonly DemoRank[] = [
  { code: "CON", name: "Constable", ordinal: 1, groupCode: "constables" },
  { code: "SCON", name: "Senior Constable", ordinal: 2, groupCode: "constables" },
  { code: "CPL", name: "Corporal", ordinal: 3, groupCode: "constables" },
  { code: "SGT", name: "Sergeant", ordinal: 4, groupCode: "inspectorate" },
  { code: "SSGT", name: "Senior Sergeant", ordinal: 5, groupCode: "inspectorate" },
  { code: "INSP", name: "Inspector", ordinal: 6, groupCode: "inspectorate" },
  { code: "CINSP", name: "Chief Inspector", ordinal: 7, groupCode: "commissioned" },
  { code: "SUPT", name: "Superintendent", ordinal: 8, groupCode: "commissioned" },
  { code: "CSUPT", name: "Chief Superintendent", ordinal: 9, groupCode: "senior_command" },
  { code: "COMM", name: "Commissioner", ordinal: 10, groupCode: "senior_command" },
];

export const demoJobRoles: readonly DemoJobRole[] = [
  {
    code: "general_duties",
    name: "General duties / patrol",
    specialisation: null,
    isLeadership: false,
  },
  {
    code: "community_policing",
    name: "Community policing",
    specialisation: "community_policing",
    isLeadership: false,
  },
  {
    code: "investigator",
    name: "Criminal investigator",
    specialisation: "investigation",
    isLeadership: false,
  },
  {
    code: "anti_trafficking",
    name: "Anti-trafficking officer",
    specialisation: "anti_trafficking",
    isLeadership: false,
  },
  {
    code: "family_gbv",
    name: "Family and GBV protection desk",
    specialisation: "family_gbv",
    isLeadership: false,
  },
  { code: "border", name: "Border police", specialisation: "border", isLeadership: false },
  {
    code: "administration",
    name: "Administration and support",
    specialisation: null,
    isLeadership: false,
  },
  { code: "trainer", name: "Trainer", specialisation: "academy", isLeadership: false },
  {
    code: "peacekeeping",
    name: "International cooperation and peacekeeping",
    specialisation: "peacekeeping",
    isLeadership: false,
  },
  { code: "commander", name: "Unit commander", specialisation: null, isLeadership: true },
  { code: "deputy_commander", name: "Deputy commander", specialisation: null, isLeadership: true },
];

const nationalUnits = [
  { code: "NU-ATU", name: "Anti-Trafficking Department", specialisation: "anti_trafficking" },
  { code: "NU-BPD", name: "Border Police Department", specialisation: "border" },
  { code: "NU-FGP", name: "Family and GBV Protection Department", specialisation: "family_gbv" },
  { code: "NU-CID", name: "Criminal Investigation Department", specialisation: "investigation" },
  { code: "NU-ACA", name: "National Police Academy", specialisation: "academy" },
  {
    code: "NU-ICP",
    name: "International Cooperation and Peacekeeping Department",
    specialisation: "peacekeeping",
  },
] as const;

const syllables = [
  "ka",
  "mor",
  "tan",
  "vel",
  "sa",
  "ri",
  "lo",
  "phen",
  "dar",
  "ni",
  "bo",
  "chan",
  "ur",
  "ek",
  "sol",
  "ma",
  "thu",
  "ven",
  "ar",
  "il",
];

function placeName(random: ReturnType<typeof createRandom>): string {
  const parts = random.int(2, 3);
  let name = "";
  for (let i = 0; i < parts; i++) name += random.pick(syllables);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The org-unit tree of the fictional service: HQ, national units, provinces, districts, stations. */
export function buildDemoUnits(scale: DemoScale, seed: number): DemoUnit[] {
  const spec = scaleSpecs[scale];
  const random = createRandom(seed ^ 0x5eed);
  const units: DemoUnit[] = [];
  const add = (unit: Omit<DemoUnit, "index">) => {
    units.push({ ...unit, index: units.length });
    return units.length - 1;
  };
  const used = new Set<string>();
  const uniqueName = () => {
    for (;;) {
      const name = placeName(random);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const hq = add({
    parentIndex: null,
    code: "HQ",
    name: "National Police Headquarters",
    kind: "hq",
    specialisation: null,
    provinceIndex: null,
  });
  for (const unit of nationalUnits) {
    add({
      parentIndex: hq,
      code: unit.code,
      name: unit.name,
      kind: "national_unit",
      specialisation: unit.specialisation,
      provinceIndex: null,
    });
  }
  for (let p = 1; p <= spec.provinces; p++) {
    const provinceCode = `P${String(p).padStart(2, "0")}`;
    const province = add({
      parentIndex: hq,
      code: provinceCode,
      name: `${uniqueName()} Province`,
      kind: "province",
      specialisation: null,
      provinceIndex: null,
    });
    const districts = random.int(...spec.districtsPerProvince);
    for (let d = 1; d <= districts; d++) {
      const districtCode = `${provinceCode}-D${String(d).padStart(2, "0")}`;
      const district = add({
        parentIndex: province,
        code: districtCode,
        name: `${uniqueName()} District`,
        kind: "district",
        specialisation: null,
        provinceIndex: province,
      });
      const stations = random.int(...spec.stationsPerDistrict);
      for (let s = 1; s <= stations; s++) {
        add({
          parentIndex: district,
          code: `${districtCode}-S${String(s).padStart(2, "0")}`,
          name: `${uniqueName()} Police Station`,
          kind: "station",
          specialisation: null,
          provinceIndex: province,
        });
      }
    }
  }
  return units;
}

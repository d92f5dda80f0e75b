import type { Role } from "../access/permissions";

export interface DemoUserSpec {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Code of a unit of the demo country (`HQ` is the root). */
  readonly unitCode: string;
}

const spec = (role: Role, unitCode: string, displayName: string): DemoUserSpec => ({
  username: `demo.${role}`,
  displayName,
  role,
  unitCode,
});

/** One demo account per role, each at a unit where the role makes sense. */
export const demoUserSpecs: readonly DemoUserSpec[] = [
  spec("admin", "HQ", "Demo administrator"),
  spec("hq-analyst", "HQ", "Demo HQ analyst"),
  spec("hr-officer", "P01", "Demo HR officer (province P01)"),
  spec("unit-manager", "P01-D01", "Demo unit manager (district P01-D01)"),
  spec("community-officer", "P01-D01-S01", "Demo community officer (station P01-D01-S01)"),
  spec("case-officer", "NU-FGP", "Demo case officer (family and GBV unit)"),
  spec("peacekeeping-officer", "NU-ICP", "Demo peacekeeping officer"),
  spec("training-officer", "NU-ACA", "Demo training officer (academy)"),
  spec("partner-viewer", "HQ", "Demo partner viewer"),
  spec("auditor", "HQ", "Demo auditor"),
];

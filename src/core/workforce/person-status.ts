import type { PersonStatus } from "../schemas/persons";

/**
 * Where a person stands on `today`, from their latest spell: `left` once it has closed (an exit),
 * `on_leave` while it is a leave spell, else `active`.
 */
export function personStatusOf(
  latest: { readonly validTo: string | null; readonly onLeave: boolean },
  today: string,
): PersonStatus {
  if (latest.validTo !== null && latest.validTo <= today) return "left";
  return latest.onLeave ? "on_leave" : "active";
}

/**
 * The fields of `next` that differ from the same fields of `before` (all of them when there is no
 * `before`), so an edit sends, and the audit trail names, only what was changed.
 */
export function changedFields<T extends object>(before: object | null, next: T): Partial<T> {
  if (before === null) return next;
  const old = before as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => old[key] !== value),
  ) as Partial<T>;
}

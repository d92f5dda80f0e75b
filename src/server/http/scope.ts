import { sql, type Expression, type SqlBool } from "kysely";
import { isRole, permissions, type Action } from "../../core/access/permissions";
import { AppError } from "../../core/errors";
import type { AuthContext } from "../features/auth/auth.service";

/** The org-unit subtrees in which a user may perform an action: the paths of the units of their grants. */
export interface Scope {
  readonly unitPaths: readonly string[];
}

export function scopeFor(auth: AuthContext, action: Action): Scope {
  return scopeOfAssignments(auth.assignments, action);
}

/** The scope of any user's role assignments (with their units' paths) for an action. */
export function scopeOfAssignments(
  assignments: ReadonlyArray<{ readonly role: string; readonly path: string }>,
  action: Action,
): Scope {
  const paths = assignments
    .filter((a) => isRole(a.role) && permissions[a.role].includes(action))
    .map((a) => a.path)
    .sort();
  // A path nested under another granted path adds nothing.
  const unitPaths = paths.filter((p, i) => !paths.slice(0, i).some((outer) => p.startsWith(outer)));
  return { unitPaths };
}

export function isPathInScope(scope: Scope, path: string): boolean {
  return scope.unitPaths.some((root) => path.startsWith(root));
}

/**
 * The path of the unit a list is narrowed to (`?unit=`), looked up by `findPath`; a unit outside
 * the scope is `org_unit.not_found`, exactly as one that does not exist.
 */
export async function requireUnitPathInScope(
  scope: Scope,
  unitId: number,
  findPath: (id: number) => Promise<string | undefined>,
): Promise<string> {
  const path = await findPath(unitId);
  if (path === undefined || !isPathInScope(scope, path)) {
    throw new AppError("org_unit.not_found", { id: unitId });
  }
  return path;
}

/**
 * The one place that filters rows by org-unit subtree: `path` is a column or expression holding an
 * org unit's materialised path. An empty scope matches nothing.
 */
export function inScope(path: Expression<string>, scope: Scope): Expression<SqlBool> {
  if (scope.unitPaths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(
    scopeLikePatterns(scope).map((pattern) => sql`${path} LIKE ${pattern}`),
    sql` OR `,
  )})`;
}

/**
 * The LIKE patterns that `inScope` matches a path against, one per granted subtree, for SQL that
 * takes them as a parameter (`path LIKE ANY (patterns)`, e.g. a function in a migration).
 */
export function scopeLikePatterns(scope: Scope): string[] {
  return scope.unitPaths.map((root) => `${escapeLike(root)}%`);
}

/**
 * Rows whose unit is in the scope or above it: `path` is in a granted subtree, or is an ancestor of
 * a granted unit (an organisation that covers the whole province or country serves the caller's
 * area too). An empty scope matches nothing.
 */
export function inScopeOrAbove(path: Expression<string>, scope: Scope): Expression<SqlBool> {
  if (scope.unitPaths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${inScope(path, scope)} OR ${sql.join(
    scope.unitPaths.map((root) => sql`starts_with(${root}, ${path})`),
    sql` OR `,
  )})`;
}

/** Escapes backslash, `%` and `_` for a LIKE pattern (backslash is the default escape character). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

import { requireTextWithinLimits } from "../../../core/community/text-limits";
import { AppError } from "../../../core/errors";
import type {
  CreateTaxonomyEntryInput,
  TaxonomyEntry,
  TaxonomyKind,
  UpdateTaxonomyEntryInput,
} from "../../../core/schemas/community-config";
import { recordWrite } from "../../audit/record-write";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { isPathInScope, type Scope } from "../../http/scope";
import type { CommunityConfigRepository } from "./community-config.repository";

const entityOf = { topics: "topic", categories: "category" } as const;
const columns: Readonly<Record<string, string>> = {
  code: "code",
  name: "name",
  isActive: "is_active",
  sortOrder: "sort_order",
};

/**
 * Outreach topics and issue categories: read by everyone who works on community policing, written
 * by holders of `community.configure` at the root (the taxonomies are national, so indicators
 * compare like with like). Entries are never deleted: records name them; they are marked inactive.
 */
export function createCommunityConfigService(deps: {
  repo: CommunityConfigRepository;
  audit: AuditRecorder;
}) {
  const { repo } = deps;
  const requireRoot = async (scope: Scope) => {
    const root = await repo.rootPath();
    if (root === undefined || !isPathInScope(scope, root))
      throw new AppError("auth.forbidden", { action: "community.configure" });
  };
  const entry = async (kind: TaxonomyKind, id: number): Promise<TaxonomyEntry> => {
    const found = await repo.find(kind, id);
    if (!found) throw new AppError("community.not_found", { entity: entityOf[kind], id });
    return found;
  };

  return {
    list: (kind: TaxonomyKind) => repo.list(kind),
    surveys: () => repo.surveys(),

    create(
      scope: Scope,
      actor: AuditActor,
      kind: TaxonomyKind,
      input: CreateTaxonomyEntryInput,
    ): Promise<TaxonomyEntry> {
      return recordWrite(
        deps.audit,
        {
          actor,
          action: `${entityOf[kind]}.create`,
          entityType: entityOf[kind],
          entityId: null,
          orgUnitId: null,
          fields: ["code", "name", "sort_order"],
        },
        async () => {
          await requireRoot(scope);
          requireTextWithinLimits([["name", "name", input.name]]);
          const id = await repo.transaction(async (writer) => {
            if (await writer.isCodeTaken(kind, input.code))
              throw new AppError("community.code_taken", { code: input.code });
            return writer.insert(kind, { ...input, sortOrder: input.sortOrder ?? 100 });
          });
          return entry(kind, id);
        },
        (created) => ({ entityId: String(created.id) }),
      );
    },

    update(
      scope: Scope,
      actor: AuditActor,
      kind: TaxonomyKind,
      id: number,
      input: UpdateTaxonomyEntryInput,
    ): Promise<TaxonomyEntry> {
      return recordWrite(
        deps.audit,
        {
          actor,
          action: `${entityOf[kind]}.update`,
          entityType: entityOf[kind],
          entityId: String(id),
          orgUnitId: null,
          fields: Object.keys(input).map((key) => columns[key] ?? key),
        },
        async () => {
          await requireRoot(scope);
          requireTextWithinLimits([["name", "name", input.name]]);
          const exists = await repo.transaction((writer) => writer.update(kind, id, input));
          if (!exists) throw new AppError("community.not_found", { entity: entityOf[kind], id });
          return entry(kind, id);
        },
      );
    },
  };
}

export type CommunityConfigService = ReturnType<typeof createCommunityConfigService>;

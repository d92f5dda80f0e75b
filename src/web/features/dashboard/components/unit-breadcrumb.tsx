import { Anchor, Breadcrumbs, Skeleton, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OrgUnit } from "../../../../core/schemas/org-units";

interface UnitBreadcrumbProps {
  /** From the top of the user's scope down to the unit shown; empty while unknown. */
  readonly path: readonly OrgUnit[];
  readonly isPending: boolean;
  readonly onOpenUnit: (unitId: number) => void;
}

/** Where the dashboard is in the org-unit tree; each unit above the current one can be opened. */
export function UnitBreadcrumb({ path, isPending, onOpenUnit }: UnitBreadcrumbProps) {
  const { t } = useTranslation();
  if (isPending) return <Skeleton height={20} width={240} />;
  return (
    <nav aria-label={t("web.dashboard.filters.breadcrumb")}>
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: "wrap", rowGap: 4 }}>
        {path.map((unit, i) =>
          i === path.length - 1 ? (
            <Text key={unit.id} size="sm" fw={600} aria-current="page">
              {unit.name}
            </Text>
          ) : (
            <Anchor
              key={unit.id}
              component="button"
              type="button"
              size="sm"
              onClick={() => onOpenUnit(unit.id)}
            >
              {unit.name}
            </Anchor>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}

import { Skeleton, Text, TreeSelect, type TreeNodeData } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../lib/use-error-message";
import { useSearchParam, useUnitParam } from "../../lib/use-search-param";
import { useOrgUnits } from "./api/use-org-units.query";
import { buildOrgTree, type OrgTreeNode } from "./build-org-tree";

const toTreeData = (nodes: readonly OrgTreeNode[]): TreeNodeData[] =>
  nodes.map(({ unit, children }) => ({
    value: String(unit.id),
    label: `${unit.name} (${unit.code})`,
    ...(children.length ? { children: toTreeData(children) } : {}),
  }));

interface OrgUnitPickerProps {
  /** Show the field's label above it (the drawer); the header relies on its accessible name. */
  readonly isLabelVisible?: boolean;
  readonly onPicked?: () => void;
}

/** Searchable, keyboard-usable tree of the user's org units (as of `?at=`); the choice lives in `?unit=ID`. */
export function OrgUnitPicker({ isLabelVisible = false, onPicked }: OrgUnitPickerProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  // The tree of the date being looked at (`?at=`), so a past date shows the units where they were.
  const [at] = useSearchParam("at");
  const units = useOrgUnits(at);
  const [unitId, setUnit] = useUnitParam();
  const data = useMemo(() => toTreeData(buildOrgTree(units.data ?? [])), [units.data]);

  if (units.isPending) return <Skeleton height={36} width="100%" maw={360} />;
  if (units.isError) {
    return (
      <Text size="sm" c="red" role="alert">
        {describeError(units.error)}
      </Text>
    );
  }
  const isKnown = (id: number) => units.data.some((unit) => unit.id === id);
  // An unknown or out-of-scope ?unit shows an empty field (the page explains the error).
  const selected =
    unitId === null ? (data[0]?.value ?? null) : isKnown(unitId) ? String(unitId) : null;
  return (
    <TreeSelect
      data={data}
      value={selected}
      onChange={(value) => {
        if (value === null) return;
        setUnit(Number(value));
        onPicked?.();
      }}
      label={isLabelVisible ? t("web.orgUnits.picker.label") : undefined}
      aria-label={t("web.orgUnits.picker.label")}
      placeholder={t("web.orgUnits.picker.placeholder")}
      nothingFoundMessage={t("web.orgUnits.picker.nothingFound")}
      chevronAriaLabels={{
        expand: t("web.orgUnits.picker.expand"),
        collapse: t("web.orgUnits.picker.collapse"),
      }}
      searchable
      onFocus={(event) => event.currentTarget.select()}
      allowDeselect={false}
      defaultExpandedValues={data.map((node) => node.value)}
      maxDropdownHeight={360}
      w="100%"
      maw={360}
    />
  );
}

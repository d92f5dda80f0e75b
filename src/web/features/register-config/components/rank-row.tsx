import { ActionIcon, Button, Group, Switch, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Rank } from "../../../../core/schemas/register-config";
import { EntryName } from "./entry-name";

export type Direction = "up" | "down";

function ChevronIcon({ direction }: { readonly direction: Direction }) {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={direction === "up" ? "M6 15l6-6 6 6" : "M6 9l6 6 6-6"} />
    </svg>
  );
}

/**
 * One rank: seniority, name and code, then move buttons, active switch and edit. On a narrow
 * screen the controls wrap below the name rather than squeeze it.
 */
export function RankRow(props: {
  readonly rank: Rank;
  readonly isFirst: boolean;
  readonly isLast: boolean;
  /** Keeps each move button's element, to give focus back after a move. */
  readonly buttonRef: (direction: Direction) => (element: HTMLButtonElement | null) => void;
  readonly onMove: (direction: Direction) => void;
  readonly onActive: (isActive: boolean) => void;
  readonly onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { rank } = props;
  return (
    <Group
      component="li"
      gap="xs"
      py={6}
      data-testid={`rank-${rank.code}`}
      style={{ borderTop: "1px solid var(--mantine-color-gray-2)" }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: "1 1 12rem", minWidth: 0 }}>
        <Text
          size="sm"
          c="dimmed"
          w={24}
          ta="end"
          aria-label={t("web.registerConfig.ranks.seniority", { ordinal: rank.ordinal })}
        >
          {rank.ordinal}
        </Text>
        <EntryName name={rank.name} code={rank.code} isActive={rank.isActive} />
      </Group>
      <Group gap={6} wrap="nowrap" ml="auto">
        {(["up", "down"] as const).map((direction) => (
          <ActionIcon
            key={direction}
            ref={props.buttonRef(direction)}
            variant="default"
            size="md"
            disabled={direction === "up" ? props.isFirst : props.isLast}
            aria-label={t(`web.registerConfig.ranks.move.${direction}`, { rank: rank.name })}
            onClick={() => props.onMove(direction)}
          >
            <ChevronIcon direction={direction} />
          </ActionIcon>
        ))}
        <Switch
          size="sm"
          ml={4}
          label={t("web.registerConfig.field.active")}
          checked={rank.isActive}
          aria-label={t("web.registerConfig.activeFor", { name: rank.name })}
          onChange={(e) => props.onActive(e.currentTarget.checked)}
        />
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={t("web.registerConfig.editFor", { name: rank.name })}
          onClick={props.onEdit}
        >
          {t("web.registerConfig.edit")}
        </Button>
      </Group>
    </Group>
  );
}

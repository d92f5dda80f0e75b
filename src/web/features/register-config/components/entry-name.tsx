import { Badge, Box, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A rank's or role's name over its code, dimmed and marked when inactive; long words wrap. */
export function EntryName(props: {
  readonly name: string;
  readonly code: string;
  readonly isActive: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Box style={{ minWidth: 0, overflowWrap: "anywhere" }}>
      <Text size="sm" fw={500} c={props.isActive ? undefined : "dimmed"}>
        {props.name}
      </Text>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {props.code}
        </Text>
        {props.isActive ? null : (
          <Badge size="xs" color="gray" variant="outline">
            {t("web.registerConfig.inactive")}
          </Badge>
        )}
      </Group>
    </Box>
  );
}

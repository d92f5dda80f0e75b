import { Card, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PersonDetail } from "../../../../core/schemas/persons";
import { useFormatters } from "../../../lib/use-formatters";

function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** The person's latest spell: rank, group, unit, role and since when. */
export function CurrentPost({ person }: { readonly person: PersonDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { current } = person;
  return (
    <Card withBorder padding="md" component="section" aria-label={t("web.persons.detail.current")}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
        <Field label={t("web.persons.column.rank")}>
          {current.rank.name} ({current.rankGroup.name})
        </Field>
        <Field label={t("web.persons.column.unit")}>
          {current.unit.name} ({current.unit.code})
        </Field>
        <Field label={t("web.persons.column.role")}>
          {current.role?.name ?? "—"}
          {current.isLeadership ? ` · ${t("web.persons.detail.leadership")}` : ""}
        </Field>
        <Field label={t("web.persons.detail.since")}>{format.date(current.validFrom)}</Field>
        {current.validTo !== null ? (
          <Field label={t("web.persons.detail.until")}>{format.date(current.validTo)}</Field>
        ) : null}
        <Field label={t("web.persons.column.birthYear")}>{person.birthYear ?? "—"}</Field>
      </SimpleGrid>
    </Card>
  );
}

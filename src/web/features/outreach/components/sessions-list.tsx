import { Anchor, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SexTally } from "../../../../core/schemas/community-common";
import type { OutreachSessionSummary } from "../../../../core/schemas/outreach";
import { sexes } from "../../../../core/schemas/sex";
import { ResponsiveTable } from "../../../components/responsive-table";
import { useFormatters } from "../../../lib/use-formatters";
import { useTaxonomyName } from "../../../lib/use-taxonomy-name";

/** "Women 31 · Men 18 · Another 0 · Unknown 5 · Total 54": unknown is always shown. */
function Reach({ tally }: { readonly tally: SexTally }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Text size="sm">
      {t("web.outreach.list.reach", {
        women: format.count(tally.F),
        men: format.count(tally.M),
        other: format.count(tally.X),
        unknown: format.count(tally.U),
        total: format.count(tally.N),
      })}
    </Text>
  );
}

/** Outreach sessions: a table on a wide screen, cards on a phone; each opens its form. */
export function SessionsList({
  sessions,
}: {
  readonly sessions: readonly OutreachSessionSummary[];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const topicName = useTaxonomyName("topics");
  const topicsOf = (session: OutreachSessionSummary) =>
    session.topics.map(topicName).join(", ") || "—";
  const open = (session: OutreachSessionSummary) => (
    <Anchor component={Link} to={`/community/outreach/${session.id}`} fw={500}>
      {session.place}
    </Anchor>
  );

  return (
    <ResponsiveTable
      rows={sessions}
      testId={(session) => `session-${session.id}`}
      minWidth={960}
      head={
        <>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={2}>
              {t("web.outreach.field.heldOn")}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2}>
              {t("web.outreach.field.unit")}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2}>
              {t("web.outreach.field.place")}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2}>
              {t("web.outreach.field.topics")}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={5} ta="center">
              {t("web.outreach.list.reachHeader")}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2} ta="end">
              {t("web.outreach.list.issuesHeader")}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {sexes.map((sex) => (
              <Table.Th key={sex} scope="col" ta="end">
                {t(`web.sex.${sex}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="end">
              {t("web.outreach.list.total")}
            </Table.Th>
          </Table.Tr>
        </>
      }
      cells={(session) => (
        <>
          <Table.Td style={{ whiteSpace: "nowrap" }}>{format.date(session.heldOn)}</Table.Td>
          <Table.Td>{session.unit.name}</Table.Td>
          <Table.Td>{open(session)}</Table.Td>
          <Table.Td>{topicsOf(session)}</Table.Td>
          {(["F", "M", "X", "U", "N"] as const).map((key) => (
            <Table.Td key={key} ta="end">
              {format.count(session.attendance[key])}
            </Table.Td>
          ))}
          <Table.Td ta="end">{format.count(session.issueCount)}</Table.Td>
        </>
      )}
      card={(session) => (
        <>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            {open(session)}
            <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {format.date(session.heldOn)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {session.unit.name}
          </Text>
          <Text size="sm">{topicsOf(session)}</Text>
          <Reach tally={session.attendance} />
          <Text size="sm">{t("web.outreach.list.issues", { count: session.issueCount })}</Text>
        </>
      )}
    />
  );
}

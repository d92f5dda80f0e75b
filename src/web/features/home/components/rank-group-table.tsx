import { Stack, Table, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { HeadlineResponse } from "../../../../core/schemas/workforce";
import { DisclosureNote } from "../../../components/disclosure-note";
import { useFormatters } from "../../../lib/use-formatters";
import { CountFigure } from "./count-figure";
import { ShareFigure, type Share } from "./share-figure";

const countColumns = [
  ["N", "web.home.table.headcount"],
  ["F", "web.sex.F"],
  ["M", "web.sex.M"],
  ["X", "web.sex.X"],
  ["U", "web.sex.U"],
] as const;

function ShareRow({ label, share, isTotal }: { label: string; share: Share; isTotal?: boolean }) {
  const Cell = isTotal ? Table.Th : Table.Td;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={isTotal ? 700 : 500}>
        {label}
      </Table.Th>
      {countColumns.map(([sex]) => (
        <Cell key={sex} ta="end">
          <CountFigure count={share.counts[sex]} mark={share.countMarks?.[sex]} size="sm" />
        </Cell>
      ))}
      <Cell ta="end">
        <ShareFigure share={share} />
      </Cell>
    </Table.Tr>
  );
}

/**
 * Rank groups, most junior to most senior, with every sex counted and the total underneath; when
 * disclosure control ran, hidden counts show "x" and the note under the table says what was done.
 */
export function RankGroupTable({ headline }: { readonly headline: HeadlineResponse }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const definitionId = useId();
  const unknown = headline.total.counts.U;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={640} type="native">
        <Table striped highlightOnHover verticalSpacing="xs" aria-describedby={definitionId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("web.home.table.rankGroup")}</Table.Th>
              {countColumns.map(([sex, key]) => (
                <Table.Th key={sex} scope="col" ta="end">
                  {t(key)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="end">
                {t("web.home.table.share")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {headline.byRankGroup.map((group) => (
              <ShareRow key={group.code} label={group.name} share={group.share} />
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <ShareRow label={t("web.home.table.total")} share={headline.total} isTotal />
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {/* Outside the scrolling table so that it stays readable on a phone. */}
      <Text id={definitionId} size="xs" c="dimmed">
        {unknown === null
          ? t("web.home.table.captionWithheld")
          : t("web.home.table.caption", { unknown, unknownText: format.count(unknown) })}
      </Text>
      <DisclosureNote result={headline} />
    </Stack>
  );
}

import { Anchor, Box, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { bandOf, shareBands, themeColourVar } from "../lib/colour-scale";
import type { TableCell, TableModel } from "../../../components/figures/table-model";
import { useFormatters } from "../../../lib/use-formatters";
import { FigureText } from "../../../components/figures/figure-text";

const SUPPRESSED_BACKGROUND = themeColourVar("gray.3");

function cellColours(cell: TableCell): {
  background: string | undefined;
  color: string | undefined;
} {
  const { figure } = cell;
  if (figure.kind === "suppressed") return { background: SUPPRESSED_BACKGROUND, color: "black" };
  if (figure.kind !== "value") return { background: undefined, color: undefined };
  const band = bandOf(figure.value);
  return { background: themeColourVar(band.background), color: band.text };
}

/** The colour scale of the heat map, with the marks for hidden and missing values. */
export function HeatMapLegend() {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Group
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      aria-label={t("web.dashboard.heatMap.legend")}
    >
      {shareBands.map((band) => (
        <Group key={band.from} component="li" gap={4} wrap="nowrap">
          <Box
            w={18}
            h={14}
            bg={themeColourVar(band.background)}
            bd="1px solid var(--mantine-color-gray-4)"
            aria-hidden
          />
          <Text size="xs">
            {band.to === null
              ? t("web.dashboard.heatMap.bandFrom", { from: format.percent(band.from) })
              : t("web.dashboard.heatMap.band", {
                  from: format.percent(band.from),
                  to: format.percent(band.to),
                })}
          </Text>
        </Group>
      ))}
      <Group component="li" gap={4} wrap="nowrap">
        <Box w={18} h={14} bg={SUPPRESSED_BACKGROUND} ta="center" fz={10} lh="14px" aria-hidden>
          x
        </Box>
        <Text size="xs">{t("web.dashboard.heatMap.hidden")}</Text>
      </Group>
      <Group component="li" gap={4} wrap="nowrap">
        <Box
          w={18}
          h={14}
          ta="center"
          fz={10}
          lh="14px"
          bd="1px solid var(--mantine-color-gray-4)"
          aria-hidden
        >
          —
        </Box>
        <Text size="xs">{t("web.dashboard.heatMap.noValue")}</Text>
      </Group>
    </Group>
  );
}

interface HeatMapProps {
  readonly model: TableModel;
  readonly label: string;
  readonly onOpenUnit: (unitId: number) => void;
}

/**
 * Units × rank groups as a table whose cells are coloured by the share of women and print it, so
 * that colour is never the only carrier; a unit's name opens it.
 */
export function HeatMap({ model, label, onOpenUnit }: HeatMapProps) {
  const { t } = useTranslation();
  const rows = model.total ? [...model.rows, model.total] : model.rows;
  return (
    <Table.ScrollContainer minWidth={120 + model.columns.length * 88} type="native">
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        fz="sm"
        aria-label={label}
        layout="fixed"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={160}>
              {model.rowHeader}
            </Table.Th>
            {model.columns.map((column) => (
              <Table.Th key={column.id} scope="col" ta="center">
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw={row === model.total ? 700 : 500}>
                {row.unitId !== undefined ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ta="start"
                    onClick={() => onOpenUnit(row.unitId as number)}
                    aria-label={t("web.dashboard.openUnit", { unit: row.header })}
                  >
                    {row.header}
                  </Anchor>
                ) : (
                  row.header
                )}
              </Table.Th>
              {model.columns.map((column, i) => {
                const cell = row.cells[i];
                if (!cell) return <Table.Td key={column.id} />;
                const colours = cellColours(cell);
                return (
                  <Table.Td key={column.id} ta="center" bg={colours.background} c={colours.color}>
                    <FigureText
                      cell={cell}
                      kind={column.kind}
                      definitionKey={column.definitionKey}
                      fw={600}
                      c="inherit"
                    />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

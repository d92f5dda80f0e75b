import { Paper, Skeleton, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type {
  TransparencyArea,
  TransparencyFigure,
  TransparencyReport,
} from "../../../core/schemas/transparency";
import { ErrorAlert } from "../../components/error-alert";
import { MonthSelect } from "../../components/month-select";
import { recentMonths, todayIsoDate } from "../../lib/format";
import { useFormatters } from "../../lib/use-formatters";
import { useSearchParam } from "../../lib/use-search-param";
import { useTransparency } from "./api/use-transparency.query";

function FigureValue({ figure }: { readonly figure: TransparencyFigure }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (figure.value === null) {
    const isHidden = figure.suppression !== null;
    const why = isHidden
      ? t(`sdc.suppressed_${figure.suppression}`)
      : t("web.transparency.noMeasure");
    return (
      <Tooltip label={why} multiline w={260} events={{ hover: true, focus: true, touch: true }}>
        <Text span fw={600} tabIndex={0} aria-label={why}>
          {isHidden ? "x" : "–"}
        </Text>
      </Tooltip>
    );
  }
  const main =
    figure.unitOfMeasure === "share"
      ? format.percent(figure.value)
      : figure.unitOfMeasure === "days"
        ? t("web.transparency.days", { value: format.decimal(figure.value, 1) })
        : format.count(figure.value);
  const shown = (n: number | null) => (n === null ? "x" : format.count(n));
  const other =
    figure.counts.X === null || figure.counts.U === null ? null : figure.counts.X + figure.counts.U;
  return (
    <Stack gap={0} align="flex-end">
      <Text span fw={600}>
        {main}
      </Text>
      {figure.indicator === "outreach_attendance" && (
        <Text span size="xs" c="dimmed">
          {t("web.transparency.bySex", {
            women: shown(figure.counts.F),
            men: shown(figure.counts.M),
            other: shown(other),
          })}
        </Text>
      )}
      {figure.ci && (
        <Text span size="xs" c="dimmed">
          {t("web.transparency.interval", {
            low: format.percent(figure.ci.low),
            high: format.percent(figure.ci.high),
          })}
        </Text>
      )}
      {figure.excluded !== undefined && figure.excluded !== 0 && (
        <Text span size="xs" c="dimmed">
          {t("web.transparency.excluded", { count: shown(figure.excluded) })}
        </Text>
      )}
    </Stack>
  );
}

function AreaTable({ area }: { readonly area: TransparencyArea }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={area.name}>
      <Title order={3} size="h4" mb="xs">
        {area.name}
      </Title>
      <Table striped verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("web.transparency.figure")}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t("web.transparency.value")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {area.figures.map((figure) => (
            <Table.Tr key={figure.indicator}>
              <Table.Th scope="row" fw={500}>
                <Tooltip
                  label={t(`${figure.definitionKey}.definition`)}
                  multiline
                  w={300}
                  events={{ hover: true, focus: true, touch: true }}
                >
                  <Text span size="sm" tabIndex={0} style={{ borderBottom: "1px dotted" }}>
                    {t(`${figure.definitionKey}.name`)}
                  </Text>
                </Tooltip>
              </Table.Th>
              <Table.Td ta="end">
                <FigureValue figure={figure} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Definitions({ report }: { readonly report: TransparencyReport }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" component="section">
      <Title order={3} size="h4" mb="xs">
        {t("web.transparency.definitions")}
      </Title>
      <Stack gap="xs" component="dl" m={0}>
        {report.national.figures.map((figure) => (
          <div key={figure.indicator}>
            <Text component="dt" fw={600} size="sm">
              {t(`${figure.definitionKey}.name`)}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {t(`${figure.definitionKey}.definition`)}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * The public transparency page (no sign-in): the month's community policing figures for the
 * whole country and each province, disclosure-controlled by the server; every hidden figure is
 * marked `x` with its reason, definitions are shown on hover and in full below.
 */
export function TransparencyPage() {
  const { t } = useTranslation();
  const [monthParam, setMonth] = useSearchParam("month");
  const months = recentMonths(todayIsoDate(), { includeCurrent: false });
  const month = monthParam ?? months[0] ?? null;
  const report = useTransparency(month);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("web.transparency.title")}
      </Title>
      <Text>{t("web.transparency.intro")}</Text>
      <MonthSelect
        label={t("web.transparency.month")}
        value={month}
        months={months}
        onChange={(value) => setMonth(value)}
      />
      {report.isPending && <Skeleton height={320} radius="md" />}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <>
          <Text size="sm" c="dimmed">
            {t("web.transparency.sideBySide")}
          </Text>
          <AreaTable area={{ ...report.data.national, name: t("web.transparency.national") }} />
          {report.data.provinces.map((area) => (
            <AreaTable key={area.code} area={area} />
          ))}
          <Text size="xs" c="dimmed">
            {t("web.transparency.legend")}{" "}
            {t(report.data.disclosure.messageKey, {
              maxHidden: report.data.disclosure.k - 1,
              complementary: 0,
            })}
          </Text>
          <Definitions report={report.data} />
        </>
      )}
    </Stack>
  );
}

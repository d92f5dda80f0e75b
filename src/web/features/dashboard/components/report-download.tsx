import { Button, Checkbox, Group, Menu, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reportFormats, type ReportFormat } from "../../../../core/schemas/reports";

interface ReportDownloadProps {
  /** null: the user's own top unit. */
  readonly unit: number | null;
  /** The as-of date shown: its year's previous year is the last complete one offered first. */
  readonly at: string;
}

/** The annual gender report of the unit, in the app's language, as PDF, XLSX, CSV or SDMX-CSV. */
export function ReportDownload({ unit, at }: ReportDownloadProps) {
  const { t, i18n } = useTranslation();
  const lastYear = Number(at.slice(0, 4)) - 1;
  const years = Array.from({ length: 10 }, (_, i) => String(lastYear - i));
  const [year, setYear] = useState(years[0] ?? String(lastYear));
  const [isExternal, setExternal] = useState(false);
  const href = (format: ReportFormat) => {
    const query = new URLSearchParams({
      year,
      lang: i18n.language,
      format,
      audience: isExternal ? "external" : "internal",
    });
    if (unit !== null) query.set("unit", String(unit));
    return `/api/reports/annual?${query.toString()}`;
  };
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={t("web.dashboard.report.year")}
        data={years}
        value={year}
        onChange={(value) => setYear(value ?? year)}
        allowDeselect={false}
        w={110}
        size="xs"
      />
      <Checkbox
        label={t("web.dashboard.report.external")}
        checked={isExternal}
        onChange={(event) => setExternal(event.currentTarget.checked)}
        size="xs"
      />
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="xs">{t("web.dashboard.report.download")}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {reportFormats.map((format) => (
            <Menu.Item key={format} component="a" href={href(format)} download>
              {t(`web.dashboard.report.formats.${format}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

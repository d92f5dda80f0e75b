import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { tableToCsv, type TableModel } from "./table-model";

interface CsvButtonProps {
  readonly model: TableModel;
  /** The file name without extension. */
  readonly fileName: string;
  /** The table's title, for the button's accessible name. */
  readonly title: string;
}

/** Downloads the table beside a chart as CSV, made in the browser from the numbers on screen. */
export function CsvButton({ model, fileName, title }: CsvButtonProps) {
  const { t } = useTranslation();
  const download = () => {
    const csv = tableToCsv(model, (key) => t(key), t("web.dashboard.csv.percentSuffix"));
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked once the click has handed the file to the browser's download.
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <Button
      size="xs"
      variant="default"
      onClick={download}
      aria-label={t("web.dashboard.csv.downloadOf", { title })}
    >
      {t("web.dashboard.csv.download")}
    </Button>
  );
}

import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { themeColourVar } from "../lib/colour-scale";

export interface LegendItem {
  readonly key: string;
  readonly label: string;
  /** A Mantine theme colour such as `indigo.6`. */
  readonly color: string;
  /** The line's dash pattern; none for a solid line. */
  readonly strokeDasharray?: string | undefined;
  /** `area`: a filled swatch (a band or a bar) instead of a line. */
  readonly shape?: "line" | "area";
}

/**
 * The key of a chart as a list under it: each line drawn with its own colour and dash pattern, so
 * lines can be told apart without colour. Outside the chart, it wraps on a phone instead of
 * covering the plot.
 */
export function SeriesLegend({ items }: { readonly items: readonly LegendItem[] }) {
  const { t } = useTranslation();
  return (
    <Group
      component="ul"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      aria-label={t("web.dashboard.legend")}
    >
      {items.map((item) => (
        <Group key={item.key} component="li" gap={6} wrap="nowrap">
          <svg width="28" height="12" aria-hidden="true" focusable="false">
            {item.shape === "area" ? (
              <rect x="2" y="1" width="24" height="10" fill={themeColourVar(item.color)} />
            ) : (
              <line
                x1="1"
                y1="6"
                x2="27"
                y2="6"
                stroke={themeColourVar(item.color)}
                strokeWidth="3"
                strokeDasharray={item.strokeDasharray}
              />
            )}
          </svg>
          <Text size="xs">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

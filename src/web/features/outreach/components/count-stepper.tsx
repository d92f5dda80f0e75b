import { ActionIcon, Group, NumberInput, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { clampCount } from "../lib/attendance";

interface CountStepperProps {
  /** What is counted, shown above the field ("Youth"). */
  readonly label: string;
  /** The full name for assistive technology ("Women, youth"). */
  readonly accessibleName: string;
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly isDisabled?: boolean;
}

/** A count with large − and + buttons for a thumb, and a field to type a larger number. */
export function CountStepper({
  label,
  accessibleName,
  value,
  onChange,
  isDisabled,
}: CountStepperProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap={2} miw={0}>
      <Text size="sm" id={labelId} truncate>
        {label}
      </Text>
      <Group gap={4} wrap="nowrap">
        <ActionIcon
          size={44}
          variant="default"
          aria-label={t("web.outreach.stepper.less", { name: accessibleName })}
          onClick={() => onChange(clampCount(value - 1))}
          disabled={isDisabled || value <= 0}
        >
          <Text size="xl" fw={700} aria-hidden>
            −
          </Text>
        </ActionIcon>
        <NumberInput
          aria-label={accessibleName}
          value={value}
          onChange={(next) =>
            onChange(clampCount(typeof next === "number" ? next : Number(next) || 0))
          }
          onFocus={(event) => event.currentTarget.select()}
          min={0}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          hideControls
          inputMode="numeric"
          size="md"
          disabled={isDisabled}
          styles={{ input: { textAlign: "center", paddingInline: 4 } }}
          style={{ flex: 1, minWidth: 48 }}
        />
        <ActionIcon
          size={44}
          variant="default"
          aria-label={t("web.outreach.stepper.more", { name: accessibleName })}
          onClick={() => onChange(clampCount(value + 1))}
          disabled={isDisabled}
        >
          <Text size="xl" fw={700} aria-hidden>
            +
          </Text>
        </ActionIcon>
      </Group>
    </Stack>
  );
}

import {
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import {
  dateFormats,
  personnelFileKinds,
  yearEras,
  type DateFormat,
  type PersonnelInspection,
  type PersonnelMapping,
} from "../../../../core/schemas/personnel-import";
import type { MappingForm } from "../mapping-form";

interface ReadingOptionsProps {
  readonly form: MappingForm;
  readonly inspection: PersonnelInspection;
  readonly showProblems: boolean;
  readonly onMapping: (change: Partial<PersonnelMapping>) => void;
  readonly onAsOf: (asOf: string | null) => void;
}

const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A labelled segmented control (Mantine's has no label of its own). */
function LabelledChoice<T extends string>(props: {
  readonly label: string;
  readonly description: string;
  readonly value: T;
  readonly options: readonly T[];
  readonly optionLabel: (value: T) => string;
  readonly onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <Stack gap={4} role="group" aria-labelledby={id}>
      <Text id={id} size="sm" fw={500}>
        {props.label}
      </Text>
      <SegmentedControl
        fullWidth
        value={props.value}
        data={props.options.map((value) => ({ value, label: props.optionLabel(value) }))}
        onChange={(value) => {
          const chosen = props.options.find((option) => option === value);
          if (chosen !== undefined) props.onChange(chosen);
        }}
      />
      <Text size="xs" c="dimmed">
        {props.description}
      </Text>
    </Stack>
  );
}

/** What the rows are, the snapshot date, and how dates and years are written in the file. */
export function ReadingOptions({
  form,
  inspection,
  showProblems,
  onMapping,
  onAsOf,
}: ReadingOptionsProps) {
  const { t } = useTranslation();
  const { mapping } = form;
  const isDateOrderMissing = inspection.dateFormat === "ambiguous" && mapping.dateFormat === "auto";
  const key = "web.personnelImport.reading";
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t(`${key}.title`)}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <LabelledChoice
            label={t(`${key}.kind`)}
            description={t(`${key}.kindHelp.${mapping.kind}`)}
            value={mapping.kind}
            options={personnelFileKinds}
            optionLabel={(kind) => t(`${key}.kinds.${kind}`)}
            onChange={(kind) => onMapping({ kind })}
          />
          {mapping.kind === "snapshot" ? (
            <TextInput
              type="date"
              label={t(`${key}.asOf`)}
              description={t(`${key}.asOfHelp`)}
              value={form.asOf ?? ""}
              onChange={(event) => {
                const value = event.currentTarget.value;
                onAsOf(isIsoDate(value) ? value : null);
              }}
              required
              error={showProblems && form.asOf === null ? t(`${key}.asOfRequired`) : undefined}
            />
          ) : null}
          <Radio.Group
            label={t(`${key}.dateOrder`)}
            description={t(`${key}.detected.${inspection.dateFormat}`)}
            value={mapping.dateFormat}
            onChange={(value) => {
              const chosen = dateFormats.find((format) => format === value);
              if (chosen !== undefined) onMapping({ dateFormat: chosen });
            }}
            required={inspection.dateFormat === "ambiguous"}
            error={isDateOrderMissing ? t(`${key}.dateOrderRequired`) : undefined}
          >
            <Stack gap={6} mt="xs">
              {dateFormats.map((format: DateFormat) => (
                <Radio key={format} value={format} label={t(`${key}.dateOrders.${format}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <LabelledChoice
            label={t(`${key}.era`)}
            description={t(`${key}.eraHelp`)}
            value={mapping.era}
            options={yearEras}
            optionLabel={(era) => t(`${key}.eras.${era}`)}
            onChange={(era) => onMapping({ era })}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

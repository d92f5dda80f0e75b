import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  reasonsFor,
  type RetractEventInput,
  type TimelineEvent,
} from "../../../../core/schemas/persons";
import { careerEventTypes, type CareerEventType } from "../../../../core/schemas/workforce-events";
import { ErrorAlert } from "../../../components/error-alert";
import { useFormatters } from "../../../lib/use-formatters";
import { useCorrectionOptions, useRetractEvent, useScopeUnits } from "../api/use-persons";

interface CorrectEventModalProps {
  readonly personId: number;
  readonly event: TimelineEvent;
  readonly onClose: () => void;
  /** Called when the correction moved the person out of the caller's scope. */
  readonly onLeftScope: () => void;
}

const optionalId = (value: string | null) =>
  value === null || value === "" ? undefined : Number(value);

/** Retract an event with a reason, and optionally record the right one in its place. */
export function CorrectEventModal({
  personId,
  event,
  onClose,
  onLeftScope,
}: CorrectEventModalProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const retract = useRetractEvent(personId);
  const [reason, setReason] = useState("");
  const [hasReplacement, setHasReplacement] = useState(false);
  const [type, setType] = useState<CareerEventType>(event.type);
  const [date, setDate] = useState(event.date);
  const [rankId, setRankId] = useState<string | null>(event.rank ? String(event.rank.id) : null);
  const [unitId, setUnitId] = useState<string | null>(event.unit ? String(event.unit.id) : null);
  const [roleId, setRoleId] = useState<string | null>(event.role ? String(event.role.id) : null);
  const [eventReason, setEventReason] = useState<string | null>(event.reason);
  const options = useCorrectionOptions(hasReplacement);
  const units = useScopeUnits(hasReplacement);
  const reasons = reasonsFor(type);

  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const rank = optionalId(rankId);
    const unit = optionalId(unitId);
    const role = optionalId(roleId);
    const body: RetractEventInput = {
      reason: reason.trim(),
      ...(hasReplacement
        ? {
            replacement: {
              type,
              date,
              ...(rank === undefined ? {} : { rankId: rank }),
              ...(unit === undefined ? {} : { unitId: unit }),
              ...(role === undefined ? {} : { roleId: role }),
              ...(reasons.length > 0 && eventReason ? { reason: eventReason } : {}),
            },
          }
        : {}),
    };
    retract.mutate(
      { eventId: event.id, body },
      {
        onSuccess: (result) => {
          if (result.isPersonInScope) onClose();
          else onLeftScope();
        },
      },
    );
  };

  const title = t("web.persons.correct.title", {
    type: t(`web.persons.eventTypes.${event.type}`),
    date: format.date(event.date),
  });
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("web.persons.correct.intro")}
          </Text>
          {retract.isError ? <ErrorAlert error={retract.error} /> : null}
          <Textarea
            label={t("web.persons.correct.reason")}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Checkbox
            label={t("web.persons.correct.addReplacement")}
            checked={hasReplacement}
            onChange={(e) => setHasReplacement(e.currentTarget.checked)}
          />
          {hasReplacement ? (
            <Stack gap="sm">
              {options.isError ? <ErrorAlert error={options.error} /> : null}
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={t("web.persons.correct.type")}
                  data={careerEventTypes.map((value) => ({
                    value,
                    label: t(`web.persons.eventTypes.${value}`),
                  }))}
                  value={type}
                  onChange={(value) => {
                    if (!value) return;
                    setType(value);
                    setEventReason(null);
                  }}
                  allowDeselect={false}
                  miw={180}
                />
                <TextInput
                  type="date"
                  label={t("web.persons.correct.date")}
                  required
                  value={date}
                  onChange={(e) => setDate(e.currentTarget.value)}
                  miw={160}
                />
              </Group>
              {reasons.length > 0 ? (
                <Select
                  label={t("web.persons.correct.eventReason")}
                  required
                  data={reasons.map((value) => ({
                    value,
                    label: t(`web.persons.reasons.${value}`),
                  }))}
                  value={eventReason}
                  onChange={setEventReason}
                />
              ) : null}
              <Select
                label={t("web.persons.correct.rank")}
                data={(options.data?.ranks ?? []).map((r) => ({
                  value: String(r.id),
                  label: r.name,
                }))}
                value={rankId}
                onChange={setRankId}
                clearable
                searchable
              />
              <Select
                label={t("web.persons.correct.unit")}
                data={(units.data ?? []).map((u) => ({
                  value: String(u.id),
                  label: `${u.name} (${u.code})`,
                }))}
                value={unitId}
                onChange={setUnitId}
                clearable
                searchable
              />
              <Select
                label={t("web.persons.correct.role")}
                data={(options.data?.roles ?? []).map((r) => ({
                  value: String(r.id),
                  label: r.name,
                }))}
                value={roleId}
                onChange={setRoleId}
                clearable
                searchable
              />
            </Stack>
          ) : (
            <Alert color="gray" variant="light">
              {t("web.persons.correct.withoutReplacement")}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("web.common.cancel")}
            </Button>
            <Button
              type="submit"
              color="red"
              loading={retract.isPending}
              disabled={reason.trim() === ""}
            >
              {t("web.persons.correct.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Badge, Button, Group, Stack, Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TimelineEvent } from "../../../../core/schemas/persons";
import { useFormatters } from "../../../lib/use-formatters";

interface CareerTimelineProps {
  readonly events: readonly TimelineEvent[];
  /** Offered on events that stand, to holders of personnel.write. */
  readonly onCorrect?: (event: TimelineEvent) => void;
}

function EventDetails({ event }: { readonly event: TimelineEvent }) {
  const { t } = useTranslation();
  const lines = [
    event.rank ? t("web.persons.event.rank", { name: event.rank.name }) : null,
    event.unit
      ? t("web.persons.event.unit", { name: event.unit.name })
      : event.isUnitOutsideScope
        ? t("web.persons.event.unitOutside")
        : null,
    event.role ? t("web.persons.event.role", { name: event.role.name }) : null,
    event.reason
      ? t("web.persons.event.reason", { reason: t(`web.persons.reasons.${event.reason}`) })
      : null,
  ].filter((line) => line !== null);
  return (
    <>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </>
  );
}

/** The career in date order; a retracted event stays, struck through, with why it was retracted. */
export function CareerTimeline({ events, onCorrect }: CareerTimelineProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const active = events.reduce((last, event, i) => (event.retraction ? last : i), -1);
  return (
    <Timeline active={active} bulletSize={18} lineWidth={2}>
      {events.map((event) => {
        const isRetracted = event.retraction !== null;
        return (
          <Timeline.Item
            key={event.id}
            color={isRetracted ? "gray" : undefined}
            title={
              <Group gap="xs" wrap="wrap">
                <Text
                  fw={600}
                  td={isRetracted ? "line-through" : undefined}
                  c={isRetracted ? "dimmed" : undefined}
                >
                  {t(`web.persons.eventTypes.${event.type}`)} · {format.date(event.date)}
                </Text>
                {isRetracted ? (
                  <Badge color="red" variant="light">
                    {t("web.persons.event.retractedBadge")}
                  </Badge>
                ) : null}
                {event.replacesEventId !== null ? (
                  <Badge color="indigo" variant="light">
                    {t("web.persons.event.correctionBadge")}
                  </Badge>
                ) : null}
              </Group>
            }
          >
            <Stack gap={2}>
              <div
                style={isRetracted ? { textDecoration: "line-through", opacity: 0.6 } : undefined}
              >
                <EventDetails event={event} />
              </div>
              {event.retraction ? (
                <Text size="sm" c="red.8">
                  {t("web.persons.event.retracted", {
                    reason: event.retraction.reason,
                    user: event.retraction.retractedBy ?? t("web.persons.event.system"),
                    date: format.date(event.retraction.retractedAt.slice(0, 10)),
                  })}
                </Text>
              ) : null}
              {event.importBatchId !== null ? (
                <Text size="xs" c="dimmed">
                  {t("web.persons.event.importBatch", { id: event.importBatchId })}
                </Text>
              ) : null}
              {onCorrect && !isRetracted ? (
                <Group>
                  <Button
                    size="compact-xs"
                    variant="default"
                    mt={4}
                    onClick={() => onCorrect(event)}
                  >
                    {t("web.persons.correct.button")}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

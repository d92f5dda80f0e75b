import { Alert, Anchor, Badge, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { canPerform } from "../../../core/access/permissions";
import type { TimelineEvent } from "../../../core/schemas/persons";
import { ErrorAlert } from "../../components/error-alert";
import { useMe } from "../auth/api/use-me.query";
import { usePerson } from "./api/use-persons";
import { CareerTimeline } from "./components/career-timeline";
import { CorrectEventModal } from "./components/correct-event-modal";
import { CurrentPost } from "./components/current-post";
import { StatusBadge } from "./components/person-results";

/** One person: current post and career timeline; holders of personnel.write may correct events. */
export function PersonPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const roles = me.data?.user.roles.map((r) => r.role) ?? [];
  const personId = Number(useParams().id);
  const person = usePerson(personId);
  const [correcting, setCorrecting] = useState<TimelineEvent | null>(null);
  const [hasLeftScope, setHasLeftScope] = useState(false);
  const canWrite = canPerform(roles, "personnel.write");

  if (!canPerform(roles, "personnel.read")) return <Text>{t("web.persons.forbidden")}</Text>;

  const back = (
    <Anchor component={Link} to={{ pathname: "/people", search: location.search }} size="sm">
      ← {t("web.persons.back")}
    </Anchor>
  );
  if (hasLeftScope) {
    return (
      <Stack gap="md">
        {back}
        <Alert color="yellow" role="status">
          {t("web.persons.correct.leftScope")}
        </Alert>
      </Stack>
    );
  }
  const data = person.data;
  return (
    <Stack gap="lg">
      {back}
      {person.isError ? <ErrorAlert error={person.error} /> : null}
      {person.isPending ? <Skeleton height={320} /> : null}
      {data ? (
        <>
          <Stack gap="xs">
            <Title order={1} size="h2">
              {t("web.persons.detail.title", { serviceNumber: data.serviceNumber })}
            </Title>
            <Group gap="xs">
              <StatusBadge status={data.status} />
              <Badge variant="outline" color="gray">
                {t(`web.persons.sex.${data.sex}`)}
              </Badge>
            </Group>
          </Stack>
          <CurrentPost person={data} />
          <Stack gap="sm" component="section" aria-labelledby="career-title">
            <Title order={2} size="h3" id="career-title">
              {t("web.persons.detail.timeline")}
            </Title>
            {data.timeline.length === 0 ? (
              <Text c="dimmed">{t("web.persons.detail.noEvents")}</Text>
            ) : (
              <CareerTimeline
                events={data.timeline}
                {...(canWrite ? { onCorrect: setCorrecting } : {})}
              />
            )}
          </Stack>
        </>
      ) : null}
      {correcting ? (
        <CorrectEventModal
          personId={personId}
          event={correcting}
          onClose={() => setCorrecting(null)}
          onLeftScope={() => {
            setCorrecting(null);
            setHasLeftScope(true);
          }}
        />
      ) : null}
    </Stack>
  );
}

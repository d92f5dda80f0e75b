import { Alert, Anchor, Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { canPerform } from "../../../core/access/permissions";
import type { SessionUser } from "../../../core/schemas/auth";
import { ErrorAlert } from "../../components/error-alert";
import { useMe } from "../auth/api/use-me.query";
import { useOutreachSession } from "./api/use-outreach";
import { SessionForm } from "./components/session-form";
import { sessionToDraft } from "./lib/session-body";
import { draftStorageKey, emptySessionDraft } from "./lib/session-draft";

/** Today in the device's time zone, as the officer reads the calendar. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The officer's own unit: the first unit where they may record community work. */
function ownUnitOf(user: SessionUser): number | null {
  return user.roles.find((r) => canPerform([r.role], "community.write"))?.orgUnitId ?? null;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/community/outreach" size="sm">
      {t("web.outreach.back")}
    </Anchor>
  );
}

function NewSession({ user }: { readonly user: SessionUser }) {
  const { t } = useTranslation();
  const today = localToday();
  const ownUnit = ownUnitOf(user);
  const initial = useMemo(() => emptySessionDraft(today, ownUnit), [today, ownUnit]);
  return (
    <Stack gap="md" maw={720}>
      <BackLink />
      <Title order={1} size="h2">
        {t("web.outreach.newTitle")}
      </Title>
      <SessionForm
        storageKey={draftStorageKey(user.id, null)}
        initial={initial}
        today={today}
        canWrite
      />
    </Stack>
  );
}

function ExistingSession({ user, id }: { readonly user: SessionUser; readonly id: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useOutreachSession(id);
  const initial = useMemo(
    () => (session.data ? sessionToDraft(session.data) : null),
    [session.data],
  );
  const canWrite = canPerform(
    user.roles.map((r) => r.role),
    "community.write",
  );
  const isJustSaved =
    typeof location.state === "object" &&
    location.state !== null &&
    "isJustSaved" in location.state;
  const [isEdited, setIsEdited] = useState(false);

  return (
    <Stack gap="md" maw={720}>
      <BackLink />
      {session.isError ? (
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      ) : null}
      {session.isPending ? <Skeleton height={320} /> : null}
      {session.data && initial ? (
        <>
          <Group justify="space-between" align="flex-end">
            <Title order={1} size="h2">
              {t("web.outreach.editTitle", { place: session.data.place })}
            </Title>
            {canWrite ? (
              <Button component={Link} to={`/community/feedback/new?session=${id}`} variant="light">
                {t("web.outreach.enterFeedback")}
              </Button>
            ) : null}
          </Group>
          {isJustSaved ? (
            <Alert
              color="teal"
              variant="light"
              role="status"
              title={t("web.outreach.createdTitle")}
            >
              <Text size="sm">
                {t("web.outreach.created", { count: session.data.issues.length })}
              </Text>
            </Alert>
          ) : null}
          {isEdited ? (
            <Alert color="teal" variant="light" role="status">
              {t("web.outreach.saved")}
            </Alert>
          ) : null}
          <SessionForm
            key={session.data.updatedAt}
            storageKey={draftStorageKey(user.id, id)}
            initial={initial}
            session={session.data}
            today={localToday()}
            canWrite={canWrite}
            onSaved={() => {
              setIsEdited(true);
              window.scrollTo({ top: 0 });
            }}
          />
        </>
      ) : null}
    </Stack>
  );
}

/** `/community/outreach/new` and `/community/outreach/:id`: the outreach form. */
export function OutreachSessionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const params = useParams();
  const user = me.data?.user;
  if (!user) return null;
  if (
    !canPerform(
      user.roles.map((r) => r.role),
      "community.read",
    )
  ) {
    return <Text>{t("web.outreach.forbidden")}</Text>;
  }
  if (params.id === undefined) {
    if (
      !canPerform(
        user.roles.map((r) => r.role),
        "community.write",
      )
    ) {
      return <Text>{t("web.outreach.forbidden")}</Text>;
    }
    return <NewSession user={user} />;
  }
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) return <Text>{t("web.outreach.notFound")}</Text>;
  return <ExistingSession key={id} user={user} id={id} />;
}

import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IssueDetail } from "../../../../core/schemas/community-issues";
import { useIssueChange } from "../api/use-community-issues";
import { fieldErrorOf } from "../field-errors";
import { lifecycleActionsFor, type LifecycleAction } from "../issue-lifecycle-view";
import { IssueChangeModal } from "./issue-change-modal";
import { ReferralModal } from "./referral-modals";

type Transition = Extract<LifecycleAction, { kind: "transition" }>;

const actionKey = (action: Transition) => (action.isReopening ? "reopen" : action.to);

const actionColor = (action: Transition) =>
  action.to.startsWith("closed_") ? "gray" : action.isReopening ? "orange" : undefined;

/** A status change, confirmed; the reason is asked for, and required where the lifecycle says so. */
function TransitionModal(props: {
  readonly issue: IssueDetail;
  readonly action: Transition;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = useIssueChange(props.issue.id);
  const [reason, setReason] = useState("");
  const { action } = props;
  const isReady = !action.isReasonRequired || reason.trim() !== "";
  const fieldError = fieldErrorOf(change.error);
  const key = actionKey(action);
  return (
    <IssueChangeModal
      title={t(`web.communityIssues.action.${key}`)}
      change={change}
      isReady={isReady}
      submitLabel={t(`web.communityIssues.action.${key}`)}
      submitColor={actionColor(action)}
      onSubmit={() =>
        change.mutate(
          { kind: "transition", body: { to: action.to, ...(reason.trim() ? { reason } : {}) } },
          { onSuccess: props.onClose },
        )
      }
      onClose={props.onClose}
    >
      <Text size="sm">{t(`web.communityIssues.actionHint.${key}`)}</Text>
      <Textarea
        label={t(
          action.isReasonRequired
            ? "web.communityIssues.reason.required"
            : "web.communityIssues.reason.optional",
        )}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        autosize
        minRows={3}
        required={action.isReasonRequired}
        data-autofocus
        error={fieldError ? t(fieldError.key, fieldError.values) : undefined}
      />
    </IssueChangeModal>
  );
}

/** The steps the lifecycle allows from the issue's status, and nothing else. */
export function LifecycleActions({ issue }: { readonly issue: IssueDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<LifecycleAction | null>(null);
  const actions = lifecycleActionsFor(issue.status, issue.nextStatuses);
  if (actions.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="issue-actions-title">
      <Text fw={600} id="issue-actions-title">
        {t("web.communityIssues.actions")}
      </Text>
      <Group gap="xs">
        {actions.map((action) =>
          action.kind === "refer" ? (
            <Button key="refer" variant="light" onClick={() => setOpen(action)}>
              {t("web.communityIssues.action.refer")}
            </Button>
          ) : (
            <Button
              key={action.to}
              variant={action.to.startsWith("closed_") ? "default" : "light"}
              color={actionColor(action)}
              onClick={() => setOpen(action)}
            >
              {t(`web.communityIssues.action.${actionKey(action)}`)}
            </Button>
          ),
        )}
      </Group>
      {open?.kind === "transition" ? (
        <TransitionModal issue={issue} action={open} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === "refer" ? (
        <ReferralModal issue={issue} onClose={() => setOpen(null)} />
      ) : null}
    </Stack>
  );
}

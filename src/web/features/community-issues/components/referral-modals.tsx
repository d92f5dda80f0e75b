import { Select, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { referralOutcomes, type ReferralOutcome } from "../../../../core/community/vocabulary";
import type { IssueDetail, Referral } from "../../../../core/schemas/community-issues";
import { ErrorAlert } from "../../../components/error-alert";
import { todayIsoDate } from "../../../lib/format";
import { useIssueChange, useReferralStakeholders } from "../api/use-community-issues";
import { useFieldErrorFor } from "../use-field-error-for";
import { useIssueLabels } from "../use-issue-labels";
import { IssueChangeModal } from "./issue-change-modal";

/** Refers the issue to a stakeholder serving its unit: what is asked, and when it was sent. */
export function ReferralModal(props: {
  readonly issue: IssueDetail;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useIssueLabels();
  const change = useIssueChange(props.issue.id);
  const stakeholders = useReferralStakeholders(props.issue.unit.id, true);
  const [stakeholderId, setStakeholderId] = useState<string | null>(null);
  const [request, setRequest] = useState("");
  const [sentOn, setSentOn] = useState(todayIsoDate());
  const isReady = stakeholderId !== null && request.trim() !== "" && sentOn !== "";
  const errorFor = useFieldErrorFor(change.error);
  return (
    <IssueChangeModal
      title={t("web.communityIssues.referral.title")}
      change={change}
      isReady={isReady}
      submitLabel={t("web.communityIssues.referral.submit")}
      onSubmit={() =>
        change.mutate(
          { kind: "refer", body: { stakeholderId: Number(stakeholderId), request, sentOn } },
          { onSuccess: props.onClose },
        )
      }
      onClose={props.onClose}
    >
      {stakeholders.isError ? <ErrorAlert error={stakeholders.error} /> : null}
      <Select
        label={t("web.communityIssues.referral.stakeholder")}
        data={(stakeholders.data ?? []).map((s) => ({
          value: String(s.id),
          label: `${s.name} · ${labels.stakeholderType(s.type)}`,
        }))}
        value={stakeholderId}
        onChange={setStakeholderId}
        searchable
        required
        nothingFoundMessage={t("web.communityIssues.referral.noStakeholders")}
        error={errorFor("stakeholderId")}
        data-autofocus
      />
      <Textarea
        label={t("web.communityIssues.referral.request")}
        description={t("web.communityIssues.referral.requestHint")}
        value={request}
        onChange={(event) => setRequest(event.currentTarget.value)}
        autosize
        minRows={3}
        required
        error={errorFor("request")}
      />
      <TextInput
        type="date"
        label={t("web.communityIssues.referral.sentOn")}
        value={sentOn}
        onChange={(event) => setSentOn(event.currentTarget.value)}
        required
        error={errorFor("sentOn")}
      />
    </IssueChangeModal>
  );
}

/** Records what the stakeholder answered, when, and the outcome (which needs the date). */
export function ResponseModal(props: {
  readonly issueId: number;
  readonly referral: Referral;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useIssueLabels();
  const change = useIssueChange(props.issueId);
  const { referral } = props;
  const [response, setResponse] = useState(referral.response ?? "");
  const [responseOn, setResponseOn] = useState(referral.responseOn ?? todayIsoDate());
  const [outcome, setOutcome] = useState<ReferralOutcome | null>(referral.outcome);
  const isReady = response.trim() !== "" && responseOn !== "";
  const errorFor = useFieldErrorFor(change.error);
  return (
    <IssueChangeModal
      title={t("web.communityIssues.response.title", { stakeholder: referral.stakeholder.name })}
      change={change}
      isReady={isReady}
      submitLabel={t("web.communityIssues.response.submit")}
      onSubmit={() =>
        change.mutate(
          { kind: "respond", referralId: referral.id, body: { response, responseOn, outcome } },
          { onSuccess: props.onClose },
        )
      }
      onClose={props.onClose}
    >
      <Textarea
        label={t("web.communityIssues.response.response")}
        value={response}
        onChange={(event) => setResponse(event.currentTarget.value)}
        autosize
        minRows={3}
        required
        data-autofocus
        error={errorFor("response")}
      />
      <TextInput
        type="date"
        label={t("web.communityIssues.response.responseOn")}
        value={responseOn}
        onChange={(event) => setResponseOn(event.currentTarget.value)}
        required
        error={errorFor("responseOn")}
      />
      <Select
        label={t("web.communityIssues.response.outcome")}
        placeholder={t("web.communityIssues.response.noOutcome")}
        data={referralOutcomes.map((value) => ({ value, label: labels.outcome(value) }))}
        value={outcome}
        onChange={setOutcome}
        clearable
        error={errorFor("outcome")}
      />
    </IssueChangeModal>
  );
}

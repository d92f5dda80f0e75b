import { Checkbox, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IssueDetail } from "../../../../core/schemas/community-issues";
import { ErrorAlert } from "../../../components/error-alert";
import { useIssueCategories, useIssueChange } from "../api/use-community-issues";
import { changedIssueFields } from "../issue-edit";
import { useFieldErrorFor } from "../use-field-error-for";
import { IssueChangeModal } from "./issue-change-modal";
import { IssueCategorySelect, IssuePlaceInput } from "./issue-fields";

/** Corrects what was recorded: the category, the place, the due date, the woman officer request. */
export function EditIssueModal(props: {
  readonly issue: IssueDetail;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const { issue } = props;
  const change = useIssueChange(issue.id);
  const categories = useIssueCategories();
  const [categoryId, setCategoryId] = useState(String(issue.category.id));
  const [place, setPlace] = useState(issue.place ?? "");
  const [dueOn, setDueOn] = useState(issue.dueOn ?? "");
  const [womanOfficerRequested, setWomanOfficerRequested] = useState(issue.womanOfficerRequested);
  const body = changedIssueFields(issue, {
    categoryId: Number(categoryId),
    place,
    dueOn,
    womanOfficerRequested,
  });
  const errorFor = useFieldErrorFor(change.error);
  return (
    <IssueChangeModal
      title={t("web.communityIssues.edit.title")}
      change={change}
      isReady={Object.keys(body).length > 0}
      submitLabel={t("web.communityIssues.edit.submit")}
      onSubmit={() => change.mutate({ kind: "update", body }, { onSuccess: props.onClose })}
      onClose={props.onClose}
    >
      {categories.isError ? <ErrorAlert error={categories.error} /> : null}
      <IssueCategorySelect
        categories={categories.data ?? []}
        value={categoryId}
        onChange={(value) => setCategoryId(value ?? String(issue.category.id))}
        keptId={issue.category.id}
        error={errorFor("categoryId")}
      />
      <IssuePlaceInput value={place} onChange={setPlace} error={errorFor("place")} isAutofocus />
      <TextInput
        type="date"
        label={t("web.communityIssues.edit.dueOn")}
        value={dueOn}
        onChange={(event) => setDueOn(event.currentTarget.value)}
        error={errorFor("dueOn")}
      />
      <Checkbox
        label={t("web.communityIssues.form.womanOfficer")}
        checked={womanOfficerRequested}
        onChange={(event) => setWomanOfficerRequested(event.currentTarget.checked)}
      />
    </IssueChangeModal>
  );
}

import { Button, Checkbox, Group, Stack, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { useIssueChange } from "../api/use-community-issues";
import { fieldErrorOf } from "../field-errors";

/** Adds a note: internal to officers unless marked as shown to the resident on the follow-up page. */
export function NoteForm({ issueId }: { readonly issueId: number }) {
  const { t } = useTranslation();
  const change = useIssueChange(issueId);
  const [text, setText] = useState("");
  const [isPublic, setIsPublic] = useState(false);
  const fieldError = fieldErrorOf(change.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === "") return;
    change.mutate(
      { kind: "note", body: { text, isInternal: !isPublic } },
      {
        onSuccess: () => {
          setText("");
          setIsPublic(false);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("web.communityIssues.note.add")}>
      <Stack gap="xs">
        {change.isError && fieldError === null ? <ErrorAlert error={change.error} /> : null}
        <Textarea
          label={t("web.communityIssues.note.label")}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldError ? t(fieldError.key, fieldError.values) : undefined}
        />
        <Group justify="space-between" gap="xs">
          <Checkbox
            label={t("web.communityIssues.note.showResident")}
            checked={isPublic}
            onChange={(event) => setIsPublic(event.currentTarget.checked)}
          />
          <Button type="submit" size="sm" loading={change.isPending} disabled={text.trim() === ""}>
            {t("web.communityIssues.note.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

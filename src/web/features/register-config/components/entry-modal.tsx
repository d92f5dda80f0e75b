import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";

/** Code and name; the code is fixed once career records use the entry. */
function CodeAndName(props: {
  readonly code: string;
  readonly name: string;
  readonly isCodeLocked: boolean;
  readonly onCode: (code: string) => void;
  readonly onName: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t("web.registerConfig.field.code")}
        description={
          props.isCodeLocked
            ? t("web.registerConfig.field.codeLocked")
            : t("web.registerConfig.field.codeHint")
        }
        required
        disabled={props.isCodeLocked}
        value={props.code}
        onChange={(e) => props.onCode(e.currentTarget.value)}
        autoCapitalize="none"
        maxLength={32}
      />
      <TextInput
        label={t("web.registerConfig.field.name")}
        required
        value={props.name}
        onChange={(e) => props.onName(e.currentTarget.value)}
        maxLength={200}
      />
    </>
  );
}

/** The "active" checkbox of a rank or role: an inactive entry stays in history, not in pickers. */
export function ActiveCheckbox(props: {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox
      label={t("web.registerConfig.field.active")}
      description={t("web.registerConfig.field.activeHint")}
      checked={props.checked}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
    />
  );
}

/**
 * The modal every register entry (rank group, rank, job role) is created and edited in: the
 * mutation's error, an optional hint, code and name, the entry's own fields, cancel and save.
 */
export function EntryModal(props: {
  readonly title: string;
  readonly hint?: string;
  readonly action: {
    readonly isError: boolean;
    readonly error: unknown;
    readonly isPending: boolean;
  };
  readonly code: string;
  readonly name: string;
  readonly isCodeLocked: boolean;
  readonly onCode: (code: string) => void;
  readonly onName: (name: string) => void;
  readonly onSubmit: () => void;
  readonly onClose: () => void;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {props.action.isError ? <ErrorAlert error={props.action.error} /> : null}
          {props.hint ? (
            <Text size="sm" c="dimmed">
              {props.hint}
            </Text>
          ) : null}
          <CodeAndName
            code={props.code}
            name={props.name}
            isCodeLocked={props.isCodeLocked}
            onCode={props.onCode}
            onName={props.onName}
          />
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("web.common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={props.action.isPending}
              disabled={props.code.trim() === "" || props.name.trim() === ""}
            >
              {t("web.registerConfig.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

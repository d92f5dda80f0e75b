import { Button, Group, Modal, Stack, type MantineColor } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";
import { fieldErrorOf } from "../field-errors";

interface IssueChangeModalProps {
  readonly title: string;
  /** The change's mutation: its refusal and whether it is under way. */
  readonly change: {
    readonly error: unknown;
    readonly isError: boolean;
    readonly isPending: boolean;
  };
  /** Whether the form may be sent (submit is disabled otherwise). */
  readonly isReady: boolean;
  readonly submitLabel: string;
  readonly submitColor?: MantineColor | undefined;
  readonly onSubmit: () => void;
  readonly onClose: () => void;
  /** The fields; a refusal naming one of them is shown beside it, any other above them. */
  readonly children: ReactNode;
}

/** One change to an issue as a modal form: the fields, the API's refusal, Cancel and submit. */
export function IssueChangeModal(props: IssueChangeModalProps) {
  const { t } = useTranslation();
  const { change } = props;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (props.isReady) props.onSubmit();
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {change.isError && fieldErrorOf(change.error) === null ? (
            <ErrorAlert error={change.error} />
          ) : null}
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("web.common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={change.isPending}
              disabled={!props.isReady}
              color={props.submitColor}
            >
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

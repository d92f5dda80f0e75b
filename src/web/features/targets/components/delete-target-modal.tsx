import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PublishedTargetProgress } from "../../../../core/schemas/targets";
import { ErrorAlert } from "../../../components/error-alert";
import { useTargetAction } from "../api/use-targets";
import { useTargetFormat } from "./target-format";

/** Asks before a target is deleted; the audit trail keeps the deletion. */
export function DeleteTargetModal(props: {
  readonly target: PublishedTargetProgress;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = useTargetAction();
  const format = useTargetFormat();
  const { target } = props;
  return (
    <Modal opened onClose={props.onClose} title={t("web.targets.deleteTitle")}>
      <Stack gap="sm">
        {action.isError ? <ErrorAlert error={action.error} /> : null}
        <Text size="sm">
          {t("web.targets.deleteConfirm", {
            share: format.target(target.shareBasisPoints),
            unit: target.unit.name,
            ranks: format.ranks(target),
            year: String(target.targetYear),
          })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {t("web.common.cancel")}
          </Button>
          <Button
            color="red"
            loading={action.isPending}
            onClick={() =>
              action.mutate({ kind: "delete", id: target.id }, { onSuccess: props.onClose })
            }
          >
            {t("web.targets.deleteButton")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

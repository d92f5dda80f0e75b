import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isTwoFactorRequired } from "../../../../core/access/two-factor-policy";
import type { AdminUser } from "../../../../core/schemas/users";
import { ErrorAlert } from "../../../components/error-alert";
import { useUserAction } from "../api/use-users-admin";

/**
 * Confirms resetting the two-step sign-in of someone who lost their phone and recovery codes, and
 * says what follows for them: enrolment at the next sign-in where their role requires it.
 */
export function ResetTwoFactorModal(props: {
  readonly user: AdminUser;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = useUserAction();
  const { username } = props.user;
  const isRequired = isTwoFactorRequired(props.user.assignments.map((a) => a.role));
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t("web.admin.users.resetTwoFactor.title", { username })}
    >
      {action.isSuccess ? (
        <Stack gap="sm">
          <Alert color="green" role="status">
            {t("web.admin.users.resetTwoFactor.done", { username })}
          </Alert>
          <Button onClick={props.onClose}>{t("web.common.close")}</Button>
        </Stack>
      ) : (
        <Stack gap="sm">
          {action.isError ? <ErrorAlert error={action.error} /> : null}
          <Text size="sm">{t("web.admin.users.resetTwoFactor.body")}</Text>
          <Text size="sm">
            {t(
              isRequired
                ? "web.admin.users.resetTwoFactor.required"
                : "web.admin.users.resetTwoFactor.optional",
            )}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("web.common.cancel")}
            </Button>
            <Button
              color="red"
              loading={action.isPending}
              onClick={() => action.mutate({ kind: "resetTwoFactor", id: props.user.id })}
            >
              {t("web.admin.users.resetTwoFactor.submit")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

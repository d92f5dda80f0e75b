import {
  Badge,
  Button,
  CloseButton,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminUser } from "../../../core/schemas/users";
import { ErrorAlert } from "../../components/error-alert";
import { useAdminUsers, useAssignableUnits, useUserAction } from "./api/use-users-admin";
import { ResetTwoFactorModal } from "./components/reset-two-factor-modal";
import { AddRoleModal, CreateUserModal } from "./components/user-modals";

/**
 * Accounts with a role in the admin's subtree: create, disable or enable, add and remove roles,
 * reset two-step sign-in.
 */
export function UsersAdminPage() {
  const { t } = useTranslation();
  const users = useAdminUsers();
  const units = useAssignableUnits();
  const action = useUserAction();
  const [modal, setModal] = useState<
    | { kind: "create" }
    | { kind: "addRole"; userId: number }
    | { kind: "resetTwoFactor"; user: AdminUser }
    | null
  >(null);
  const unitLabel = (id: number) => units.data?.find((u) => u.id === id)?.code ?? `#${id}`;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("web.admin.users.title")}
        </Title>
        <Button onClick={() => setModal({ kind: "create" })} disabled={!units.data}>
          {t("web.admin.users.create.button")}
        </Button>
      </Group>
      {users.isError ? (
        <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : null}
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      {users.isPending ? <Skeleton height={240} /> : null}
      {users.data ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("web.admin.users.field.username")}</Table.Th>
                <Table.Th>{t("web.admin.users.field.displayName")}</Table.Th>
                <Table.Th>{t("web.admin.users.field.roles")}</Table.Th>
                <Table.Th>{t("web.admin.users.field.status")}</Table.Th>
                <Table.Th>{t("web.admin.orgUnits.field.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>{user.username}</Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.assignments.map((a) => (
                        <Badge
                          key={a.id}
                          variant="light"
                          rightSection={
                            user.isManageable ? (
                              <CloseButton
                                size="xs"
                                aria-label={t("web.admin.users.removeRole", {
                                  role: t(`web.roles.${a.role}`),
                                  unit: unitLabel(a.orgUnitId),
                                })}
                                onClick={() =>
                                  action.mutate({
                                    kind: "removeRole",
                                    id: user.id,
                                    assignmentId: a.id,
                                  })
                                }
                              />
                            ) : null
                          }
                        >
                          {t(`web.roles.${a.role}`)} · {unitLabel(a.orgUnitId)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={user.isDisabled ? "red" : "green"}>
                      {t(user.isDisabled ? "web.admin.users.disabled" : "web.admin.users.active")}
                    </Text>
                    {user.isTwoFactorEnabled ? (
                      <Text size="xs" c="dimmed">
                        {t("web.admin.users.twoFactor")}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {user.isManageable ? (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setModal({ kind: "addRole", userId: user.id })}
                        >
                          {t("web.admin.users.addRole.button")}
                        </Button>
                        {user.isSelf ? null : (
                          <Button
                            size="xs"
                            variant="default"
                            color={user.isDisabled ? undefined : "red"}
                            onClick={() =>
                              action.mutate({
                                kind: user.isDisabled ? "enable" : "disable",
                                id: user.id,
                              })
                            }
                          >
                            {t(
                              user.isDisabled
                                ? "web.admin.users.enable"
                                : "web.admin.users.disable",
                            )}
                          </Button>
                        )}
                        {user.isTwoFactorEnabled && !user.isSelf ? (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setModal({ kind: "resetTwoFactor", user })}
                          >
                            {t("web.admin.users.resetTwoFactor.button")}
                          </Button>
                        ) : null}
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {modal?.kind === "create" ? (
        <CreateUserModal units={units.data ?? []} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === "addRole" ? (
        <AddRoleModal
          userId={modal.userId}
          units={units.data ?? []}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === "resetTwoFactor" ? (
        <ResetTwoFactorModal user={modal.user} onClose={() => setModal(null)} />
      ) : null}
    </Stack>
  );
}

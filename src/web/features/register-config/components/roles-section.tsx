import {
  Box,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  JobRole,
  RoleSpecialisation,
  UpdateJobRoleInput,
} from "../../../../core/schemas/register-config";
import { ErrorAlert } from "../../../components/error-alert";
import { useJobRoles, useRoleAction } from "../api/use-register-config";
import { EntryName } from "./entry-name";
import { RoleModal } from "./role-modal";
import { SpecialisationSelect } from "./specialisation-select";

/** The controls of one role, laid out as table cells or as a card below the `sm` breakpoint. */
function useRoleControls(onEdit: (role: JobRole) => void) {
  const { t } = useTranslation();
  const action = useRoleAction();
  const update = (role: JobRole, body: UpdateJobRoleInput) =>
    action.mutate({ kind: "update", id: role.id, body });
  return {
    action,
    name: (role: JobRole) => (
      <EntryName name={role.name} code={role.code} isActive={role.isActive} />
    ),
    specialisation: (role: JobRole) => (
      <SpecialisationSelect
        label={t("web.registerConfig.roles.specialisationFor", { role: role.name })}
        isLabelHidden
        value={role.specialisation}
        onChange={(value) => update(role, { specialisation: value as RoleSpecialisation | null })}
      />
    ),
    leadership: (role: JobRole, label?: string) => (
      <Switch
        size="sm"
        label={label}
        checked={role.isLeadership}
        aria-label={t("web.registerConfig.roles.leadershipFor", { role: role.name })}
        onChange={(e) => update(role, { isLeadership: e.currentTarget.checked })}
      />
    ),
    active: (role: JobRole, label?: string) => (
      <Switch
        size="sm"
        label={label}
        checked={role.isActive}
        aria-label={t("web.registerConfig.activeFor", { name: role.name })}
        onChange={(e) => update(role, { isActive: e.currentTarget.checked })}
      />
    ),
    edit: (role: JobRole) => (
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label={t("web.registerConfig.editFor", { name: role.name })}
        onClick={() => onEdit(role)}
      >
        {t("web.registerConfig.edit")}
      </Button>
    ),
  };
}

/** Job roles: specialisation, command or leadership post, and active, editable in place. */
export function RolesSection() {
  const { t } = useTranslation();
  const roles = useJobRoles();
  const [modal, setModal] = useState<{ role: JobRole | null } | null>(null);
  const controls = useRoleControls((role) => setModal({ role }));
  const isCompact = useMediaQuery("(max-width: 48em)");

  return (
    <Stack gap="sm" component="section" aria-labelledby="job-roles-title">
      <Group justify="space-between" gap="xs">
        <Box>
          <Title order={2} size="h3" id="job-roles-title">
            {t("web.registerConfig.roles.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("web.registerConfig.roles.hint")}
          </Text>
        </Box>
        <Button variant="default" onClick={() => setModal({ role: null })}>
          {t("web.registerConfig.roles.newRole")}
        </Button>
      </Group>
      {roles.isError ? (
        <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />
      ) : null}
      {controls.action.isError ? <ErrorAlert error={controls.action.error} /> : null}
      {roles.isPending ? <Skeleton height={200} /> : null}
      {roles.data && roles.data.length === 0 ? (
        <Text c="dimmed">{t("web.registerConfig.roles.empty")}</Text>
      ) : null}
      {roles.data && roles.data.length > 0 && isCompact ? (
        <Stack gap="xs">
          {roles.data.map((role) => (
            <Paper key={role.id} withBorder p="sm" data-testid={`role-${role.code}`}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  {controls.name(role)}
                  {controls.edit(role)}
                </Group>
                {controls.specialisation(role)}
                <Group gap="lg">
                  {controls.leadership(role, t("web.registerConfig.field.leadershipShort"))}
                  {controls.active(role, t("web.registerConfig.field.active"))}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : null}
      {roles.data && roles.data.length > 0 && !isCompact ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("web.registerConfig.field.name")}</Table.Th>
                <Table.Th>{t("web.registerConfig.field.specialisation")}</Table.Th>
                <Table.Th>{t("web.registerConfig.field.leadershipShort")}</Table.Th>
                <Table.Th>{t("web.registerConfig.field.active")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("web.registerConfig.field.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.data.map((role) => (
                <Table.Tr key={role.id} data-testid={`role-${role.code}`}>
                  <Table.Td>{controls.name(role)}</Table.Td>
                  <Table.Td w={300}>{controls.specialisation(role)}</Table.Td>
                  <Table.Td>{controls.leadership(role)}</Table.Td>
                  <Table.Td>{controls.active(role)}</Table.Td>
                  <Table.Td ta="end">{controls.edit(role)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {modal ? <RoleModal role={modal.role} onClose={() => setModal(null)} /> : null}
    </Stack>
  );
}

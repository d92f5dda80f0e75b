import {
  Alert,
  Button,
  Code,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  TextInput,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { roles, type Role } from "../../../../core/access/permissions";
import type { OrgUnit } from "../../../../core/schemas/org-units";
import { ErrorAlert } from "../../../components/error-alert";
import { useCreateUser, useUserAction } from "../api/use-users-admin";

const unitOptions = (units: readonly OrgUnit[]) =>
  units.map((u) => ({ value: String(u.id), label: `${u.name} (${u.code})` }));

function RoleAndUnit(props: {
  readonly units: readonly OrgUnit[];
  readonly role: Role;
  readonly unitId: string | null;
  readonly onRole: (role: Role) => void;
  readonly onUnit: (unitId: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t("web.admin.users.field.role")}
        data={roles.map((r) => ({ value: r, label: t(`web.roles.${r}`) }))}
        value={props.role}
        onChange={(v) => v && props.onRole(v)}
        allowDeselect={false}
      />
      <Select
        label={t("web.admin.users.field.unit")}
        data={unitOptions(props.units)}
        value={props.unitId}
        onChange={props.onUnit}
        searchable
        required
      />
    </>
  );
}

/** A new account with its first role; a generated password is shown once. */
export function CreateUserModal({
  units,
  onClose,
}: {
  readonly units: readonly OrgUnit[];
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("hq-analyst");
  const [unitId, setUnitId] = useState<string | null>(units[0] ? String(units[0].id) : null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({
      username,
      role,
      orgUnitId: Number(unitId),
      ...(displayName === "" ? {} : { displayName }),
      ...(password === "" ? {} : { password }),
    });
  };
  const generated = create.data?.password;
  return (
    <Modal opened onClose={onClose} title={t("web.admin.users.create.title")}>
      {create.isSuccess ? (
        <Stack gap="sm">
          <Alert color="green" role="status">
            {t("web.admin.users.create.done", { username: create.data.user.username })}
          </Alert>
          {generated ? (
            <Alert color="yellow" title={t("web.admin.users.create.passwordOnce")}>
              <Code data-testid="generated-password">{generated}</Code>
            </Alert>
          ) : null}
          <Button onClick={onClose}>{t("web.common.close")}</Button>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="sm">
            {create.isError ? <ErrorAlert error={create.error} /> : null}
            <TextInput
              label={t("web.admin.users.field.username")}
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoCapitalize="none"
            />
            <TextInput
              label={t("web.admin.users.field.displayName")}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
            />
            <RoleAndUnit
              units={units}
              role={role}
              unitId={unitId}
              onRole={setRole}
              onUnit={setUnitId}
            />
            <PasswordInput
              label={t("web.admin.users.field.password")}
              description={t("web.admin.users.field.passwordHint")}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="new-password"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("web.common.cancel")}
              </Button>
              <Button
                type="submit"
                loading={create.isPending}
                disabled={username === "" || unitId === null}
              >
                {t("web.admin.users.create.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Another role for an account, at a unit of the administrator's subtree. */
export function AddRoleModal(props: {
  readonly userId: number;
  readonly units: readonly OrgUnit[];
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = useUserAction();
  const [role, setRole] = useState<Role>("hq-analyst");
  const [unitId, setUnitId] = useState<string | null>(
    props.units[0] ? String(props.units[0].id) : null,
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    action.mutate(
      { kind: "addRole", id: props.userId, role, orgUnitId: Number(unitId) },
      { onSuccess: props.onClose },
    );
  };
  return (
    <Modal opened onClose={props.onClose} title={t("web.admin.users.addRole.title")}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {action.isError ? <ErrorAlert error={action.error} /> : null}
          <RoleAndUnit
            units={props.units}
            role={role}
            unitId={unitId}
            onRole={setRole}
            onUnit={setUnitId}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("web.common.cancel")}
            </Button>
            <Button type="submit" loading={action.isPending} disabled={unitId === null}>
              {t("web.admin.users.addRole.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

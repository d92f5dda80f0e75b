import { Checkbox, Modal, Stack } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { JobRole, RoleSpecialisation } from "../../../../core/schemas/register-config";
import { ErrorAlert } from "../../../components/error-alert";
import { useRoleAction } from "../api/use-register-config";
import { changedFields } from "../changed-fields";
import { CodeAndName, ModalButtons } from "./rank-modals";
import { SpecialisationSelect } from "./specialisation-select";

/** A new job role or an edit of one: specialisation, leadership post, active. */
export function RoleModal(props: { readonly role: JobRole | null; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const action = useRoleAction();
  const { role } = props;
  const [code, setCode] = useState(role?.code ?? "");
  const [name, setName] = useState(role?.name ?? "");
  const [specialisation, setSpecialisation] = useState(role?.specialisation ?? null);
  const [isLeadership, setIsLeadership] = useState(role?.isLeadership ?? false);
  const [isActive, setIsActive] = useState(role?.isActive ?? true);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The server checks the specialisation against the closed list.
    const body = {
      code: code.trim(),
      name: name.trim(),
      specialisation: specialisation as RoleSpecialisation | null,
      isLeadership,
      isActive,
    };
    const changes = changedFields(role, body);
    if (role && Object.keys(changes).length === 0) return props.onClose();
    action.mutate(
      role ? { kind: "update", id: role.id, body: changes } : { kind: "create", body },
      { onSuccess: props.onClose },
    );
  };
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={
        role
          ? t("web.registerConfig.roles.editTitle", { role: role.name })
          : t("web.registerConfig.roles.createTitle")
      }
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {action.isError ? <ErrorAlert error={action.error} /> : null}
          <CodeAndName
            code={code}
            name={name}
            isCodeLocked={role?.isInUse ?? false}
            onCode={setCode}
            onName={setName}
          />
          <SpecialisationSelect
            label={t("web.registerConfig.field.specialisation")}
            value={specialisation}
            onChange={setSpecialisation}
          />
          <Checkbox
            label={t("web.registerConfig.field.leadership")}
            description={t("web.registerConfig.field.leadershipHint")}
            checked={isLeadership}
            onChange={(e) => setIsLeadership(e.currentTarget.checked)}
          />
          <Checkbox
            label={t("web.registerConfig.field.active")}
            description={t("web.registerConfig.field.activeHint")}
            checked={isActive}
            onChange={(e) => setIsActive(e.currentTarget.checked)}
          />
          <ModalButtons
            isPending={action.isPending}
            isDisabled={code.trim() === "" || name.trim() === ""}
            onClose={props.onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}

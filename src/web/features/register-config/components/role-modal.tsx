import { Checkbox } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { JobRole, RoleSpecialisation } from "../../../../core/schemas/register-config";
import { useRoleAction } from "../api/use-register-config";
import { changedFields } from "../changed-fields";
import { ActiveCheckbox, EntryModal } from "./entry-modal";
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
  const submit = () => {
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
    <EntryModal
      title={
        role
          ? t("web.registerConfig.roles.editTitle", { role: role.name })
          : t("web.registerConfig.roles.createTitle")
      }
      action={action}
      code={code}
      name={name}
      isCodeLocked={role?.isInUse ?? false}
      onCode={setCode}
      onName={setName}
      onSubmit={submit}
      onClose={props.onClose}
    >
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
      <ActiveCheckbox checked={isActive} onChange={setIsActive} />
    </EntryModal>
  );
}

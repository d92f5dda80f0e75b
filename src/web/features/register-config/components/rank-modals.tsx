import { Checkbox, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Rank, RankGroup } from "../../../../core/schemas/register-config";
import { useRankAction } from "../api/use-register-config";
import { changedFields } from "../changed-fields";
import { ActiveCheckbox, EntryModal } from "./entry-modal";

/** A new rank group (placed above the others) or an edit of one. */
export function RankGroupModal(props: {
  readonly group: RankGroup | null;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = useRankAction();
  const { group } = props;
  const [code, setCode] = useState(group?.code ?? "");
  const [name, setName] = useState(group?.name ?? "");
  const [isTop, setIsTop] = useState(group?.isTop ?? false);
  const submit = () => {
    const body = { code: code.trim(), name: name.trim(), isTop };
    if (group && Object.keys(changedFields(group, body)).length === 0) return props.onClose();
    action.mutate(
      group
        ? { kind: "updateGroup", id: group.id, body: changedFields(group, body) }
        : { kind: "createGroup", body },
      { onSuccess: props.onClose },
    );
  };
  return (
    <EntryModal
      title={
        group
          ? t("web.registerConfig.groupModal.editTitle", { group: group.name })
          : t("web.registerConfig.groupModal.createTitle")
      }
      hint={group ? undefined : t("web.registerConfig.groupModal.createHint")}
      action={action}
      code={code}
      name={name}
      isCodeLocked={group?.isInUse ?? false}
      onCode={setCode}
      onName={setName}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Checkbox
        label={t("web.registerConfig.field.isTop")}
        description={t("web.registerConfig.field.isTopHint")}
        checked={isTop}
        onChange={(e) => setIsTop(e.currentTarget.checked)}
      />
    </EntryModal>
  );
}

/** A new rank (the most senior of its group) or an edit of one, possibly into another group. */
export function RankModal(props: {
  readonly rank: Rank | null;
  readonly groupId: number;
  readonly groups: readonly RankGroup[];
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = useRankAction();
  const { rank } = props;
  const [code, setCode] = useState(rank?.code ?? "");
  const [name, setName] = useState(rank?.name ?? "");
  const [groupId, setGroupId] = useState(String(props.groupId));
  const [isActive, setIsActive] = useState(rank?.isActive ?? true);
  const groupName = props.groups.find((g) => g.id === props.groupId)?.name ?? "";
  const submit = () => {
    const body = { code: code.trim(), name: name.trim(), rankGroupId: Number(groupId), isActive };
    if (rank && Object.keys(changedFields(rank, body)).length === 0) return props.onClose();
    action.mutate(
      rank
        ? { kind: "updateRank", id: rank.id, body: changedFields(rank, body) }
        : { kind: "createRank", body },
      { onSuccess: props.onClose },
    );
  };
  return (
    <EntryModal
      title={
        rank
          ? t("web.registerConfig.rankModal.editTitle", { rank: rank.name })
          : t("web.registerConfig.rankModal.createTitle", { group: groupName })
      }
      hint={rank ? undefined : t("web.registerConfig.rankModal.createHint")}
      action={action}
      code={code}
      name={name}
      isCodeLocked={rank?.isInUse ?? false}
      onCode={setCode}
      onName={setName}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Select
        label={t("web.registerConfig.field.group")}
        description={rank ? t("web.registerConfig.rankModal.groupHint") : undefined}
        data={props.groups.map((g) => ({ value: String(g.id), label: g.name }))}
        value={groupId}
        onChange={(v) => v && setGroupId(v)}
        allowDeselect={false}
      />
      <ActiveCheckbox checked={isActive} onChange={setIsActive} />
    </EntryModal>
  );
}

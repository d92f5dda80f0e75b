import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Rank, RankGroup } from "../../../../core/schemas/register-config";
import { ErrorAlert } from "../../../components/error-alert";
import { useRankAction } from "../api/use-register-config";
import { changedFields } from "../changed-fields";

/** Code and name; the code is fixed once career records use the entry. */
export function CodeAndName(props: {
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

export function ModalButtons(props: {
  readonly isPending: boolean;
  readonly isDisabled: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onClose}>
        {t("web.common.cancel")}
      </Button>
      <Button type="submit" loading={props.isPending} disabled={props.isDisabled}>
        {t("web.registerConfig.save")}
      </Button>
    </Group>
  );
}

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
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
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
    <Modal
      opened
      onClose={props.onClose}
      title={
        group
          ? t("web.registerConfig.groupModal.editTitle", { group: group.name })
          : t("web.registerConfig.groupModal.createTitle")
      }
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {action.isError ? <ErrorAlert error={action.error} /> : null}
          {group ? null : (
            <Text size="sm" c="dimmed">
              {t("web.registerConfig.groupModal.createHint")}
            </Text>
          )}
          <CodeAndName
            code={code}
            name={name}
            isCodeLocked={group?.isInUse ?? false}
            onCode={setCode}
            onName={setName}
          />
          <Checkbox
            label={t("web.registerConfig.field.isTop")}
            description={t("web.registerConfig.field.isTopHint")}
            checked={isTop}
            onChange={(e) => setIsTop(e.currentTarget.checked)}
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
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
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
    <Modal
      opened
      onClose={props.onClose}
      title={
        rank
          ? t("web.registerConfig.rankModal.editTitle", { rank: rank.name })
          : t("web.registerConfig.rankModal.createTitle", { group: groupName })
      }
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {action.isError ? <ErrorAlert error={action.error} /> : null}
          {rank ? null : (
            <Text size="sm" c="dimmed">
              {t("web.registerConfig.rankModal.createHint")}
            </Text>
          )}
          <CodeAndName
            code={code}
            name={name}
            isCodeLocked={rank?.isInUse ?? false}
            onCode={setCode}
            onName={setName}
          />
          <Select
            label={t("web.registerConfig.field.group")}
            description={rank ? t("web.registerConfig.rankModal.groupHint") : undefined}
            data={props.groups.map((g) => ({ value: String(g.id), label: g.name }))}
            value={groupId}
            onChange={(v) => v && setGroupId(v)}
            allowDeselect={false}
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

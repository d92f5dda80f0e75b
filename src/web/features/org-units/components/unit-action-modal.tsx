import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  orgUnitKinds,
  orgUnitSpecialisations,
  type OrgUnit,
  type OrgUnitKind,
} from "../../../../core/schemas/org-units";
import { ErrorAlert } from "../../../components/error-alert";
import { useUnitAction, type UnitAction } from "../api/use-org-units-admin";

export type ModalMode = "create" | "update" | "move" | "close";

interface UnitActionModalProps {
  readonly mode: ModalMode;
  /** The unit acted on (for create: the proposed parent). */
  readonly unit: OrgUnit | null;
  readonly units: readonly OrgUnit[];
  readonly onClose: () => void;
}

/** One form per action on a unit: open a new one, rename, move, close. Dates default to today. */
export function UnitActionModal({ mode, unit, units, onClose }: UnitActionModalProps) {
  const { t } = useTranslation();
  const action = useUnitAction();
  const [code, setCode] = useState(mode === "update" ? (unit?.code ?? "") : "");
  const [name, setName] = useState(mode === "update" ? (unit?.name ?? "") : "");
  const [kind, setKind] = useState<OrgUnitKind>("station");
  const [specialisation, setSpecialisation] = useState<string | null>(null);
  const [parentId, setParentId] = useState<string | null>(
    mode === "create" && unit ? String(unit.id) : null,
  );
  const [date, setDate] = useState("");
  // A unit cannot move under itself (the server also refuses its descendants).
  const openUnits = units.filter(
    (u) => u.closedOn === null && !(mode === "move" && u.id === unit?.id),
  );
  const parentOptions = openUnits.map((u) => ({
    value: String(u.id),
    label: `${u.name} (${u.code})`,
  }));
  const dated =
    date === ""
      ? {}
      : { [mode === "create" ? "openedOn" : mode === "close" ? "closedOn" : "effectiveOn"]: date };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = unit?.id ?? 0;
    const request: UnitAction =
      mode === "create"
        ? {
            kind: "create",
            body: { code, name, kind, specialisation, parentId: Number(parentId), ...dated },
          }
        : mode === "update"
          ? { kind: "update", id, body: { code, name, ...dated } }
          : mode === "move"
            ? { kind: "move", id, body: { parentId: Number(parentId), ...dated } }
            : { kind: "close", id, body: dated };
    action.mutate(request, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`web.admin.orgUnits.${mode}.title`, { unit: unit?.name ?? "" })}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {action.isError ? <ErrorAlert error={action.error} /> : null}
          {mode === "create" || mode === "update" ? (
            <>
              <TextInput
                label={t("web.admin.orgUnits.field.code")}
                name="code"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
              />
              <TextInput
                label={t("web.admin.orgUnits.field.name")}
                name="name"
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
              />
            </>
          ) : null}
          {mode === "create" ? (
            <>
              <Select
                label={t("web.admin.orgUnits.field.kind")}
                data={orgUnitKinds.map((k) => ({
                  value: k,
                  label: t(`web.admin.orgUnits.kind.${k}`),
                }))}
                value={kind}
                onChange={(v) => v && setKind(v)}
                allowDeselect={false}
              />
              <Select
                label={t("web.admin.orgUnits.field.specialisation")}
                data={orgUnitSpecialisations.map((s) => ({
                  value: s,
                  label: t(`web.admin.orgUnits.specialisation.${s}`),
                }))}
                value={specialisation}
                onChange={setSpecialisation}
                clearable
              />
            </>
          ) : null}
          {mode === "create" || mode === "move" ? (
            <Select
              label={t("web.admin.orgUnits.field.parent")}
              data={parentOptions}
              value={parentId}
              onChange={setParentId}
              searchable
              required
            />
          ) : null}
          <TextInput
            type="date"
            label={t(`web.admin.orgUnits.${mode}.date`)}
            description={t("web.admin.orgUnits.field.dateHint")}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("web.common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={action.isPending}
              color={mode === "close" ? "red" : undefined}
            >
              {t(`web.admin.orgUnits.${mode}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

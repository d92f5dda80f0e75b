import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { communityTextLimits } from "../../../../core/community/text-limits";
import { stakeholderTypes, type StakeholderType } from "../../../../core/community/vocabulary";
import type { Stakeholder, UpdateStakeholderInput } from "../../../../core/schemas/stakeholders";
import { ErrorAlert } from "../../../components/error-alert";
import { useCoverageUnits, useSaveStakeholder } from "../api/use-stakeholders";

interface StakeholderModalProps {
  /** Null adds a new organisation. */
  readonly stakeholder: Stakeholder | null;
  /** A new organisation covers this unit unless changed (the unit chosen in the header). */
  readonly defaultUnitId: number | null;
  readonly onClose: () => void;
}

/** The fields that differ from the stored organisation (an edit sends only those). */
function changesOf(
  current: Stakeholder,
  next: {
    name: string;
    type: StakeholderType;
    services: string;
    contacts: string;
    unitIds: number[];
  },
): UpdateStakeholderInput {
  const sameUnits =
    [...next.unitIds].sort().join() ===
    current.units
      .map((u) => u.id)
      .sort()
      .join();
  return {
    ...(next.name === current.name ? {} : { name: next.name }),
    ...(next.type === current.type ? {} : { type: next.type }),
    ...(next.services === current.services ? {} : { services: next.services }),
    ...(next.contacts === current.contacts ? {} : { contacts: next.contacts }),
    ...(sameUnits ? {} : { unitIds: next.unitIds }),
  };
}

/** Adds an organisation to the directory, or edits one: name, type, services, coverage, contacts. */
export function StakeholderModal({ stakeholder, defaultUnitId, onClose }: StakeholderModalProps) {
  const { t } = useTranslation();
  const save = useSaveStakeholder();
  const units = useCoverageUnits();
  const [name, setName] = useState(stakeholder?.name ?? "");
  const [type, setType] = useState<StakeholderType | null>(stakeholder?.type ?? null);
  const [services, setServices] = useState(stakeholder?.services ?? "");
  const [contacts, setContacts] = useState(stakeholder?.contacts ?? "");
  const [unitIds, setUnitIds] = useState<string[]>(
    stakeholder
      ? stakeholder.units.map((u) => String(u.id))
      : defaultUnitId === null
        ? []
        : [String(defaultUnitId)],
  );
  const isReady = name.trim() !== "" && type !== null && unitIds.length > 0;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isReady) return;
    const values = { name, type, services, contacts, unitIds: unitIds.map(Number) };
    if (!stakeholder) {
      save.mutate({ kind: "create", body: values }, { onSuccess: onClose });
      return;
    }
    const changes = changesOf(stakeholder, values);
    if (Object.keys(changes).length === 0) return onClose();
    save.mutate({ kind: "update", id: stakeholder.id, body: changes }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        stakeholder
          ? t("web.stakeholders.editTitle", { name: stakeholder.name })
          : t("web.stakeholders.createTitle")
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          {units.isError ? <ErrorAlert error={units.error} /> : null}
          <TextInput
            label={t("web.stakeholders.field.name")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={communityTextLimits.name}
            required
            data-autofocus
          />
          <Select
            label={t("web.stakeholders.field.type")}
            data={stakeholderTypes.map((value) => ({
              value,
              label: t(`web.stakeholders.type.${value}`),
            }))}
            value={type}
            onChange={setType}
            allowDeselect={false}
            required
          />
          <Textarea
            label={t("web.stakeholders.field.services")}
            description={t("web.stakeholders.field.servicesHint")}
            value={services}
            onChange={(event) => setServices(event.currentTarget.value)}
            maxLength={communityTextLimits.services}
            autosize
            minRows={2}
          />
          <MultiSelect
            label={t("web.stakeholders.field.coverage")}
            description={t("web.stakeholders.field.coverageHint")}
            data={(units.data ?? []).map((unit) => ({
              value: String(unit.id),
              label: `${unit.name} (${unit.code})`,
            }))}
            value={unitIds}
            onChange={setUnitIds}
            searchable
            hidePickedOptions
            required
            nothingFoundMessage={t("web.stakeholders.nothingFound")}
          />
          <Textarea
            label={t("web.stakeholders.field.contacts")}
            description={t("web.stakeholders.field.contactsHint")}
            value={contacts}
            onChange={(event) => setContacts(event.currentTarget.value)}
            maxLength={communityTextLimits.contacts}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("web.common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!isReady}>
              {t("web.stakeholders.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  TARGET_NOTE_MAX,
  TARGET_YEAR_MAX,
  TARGET_YEAR_MIN,
  type CreateTargetInput,
  type RepresentationTarget,
  type UpdateTargetInput,
} from "../../../../core/schemas/targets";
import { formatBasisPoints } from "../../../../core/targets/share-percent";
import { ErrorAlert } from "../../../components/error-alert";
import { useTargetAction, useTargetRankGroups, useTargetUnits } from "../api/use-targets";

const ALL_RANKS = "all";

/** What a person types with a decimal comma or a percent sign ("15,5 %") as the API reads it ("15.5"). */
function normaliseShare(text: string): string {
  return text.trim().replace(/\s*%$/, "").replace(",", ".");
}

/** The fields that differ from the stored target (an edit sends only those). */
function changesOf(target: RepresentationTarget, body: CreateTargetInput): UpdateTargetInput {
  return {
    ...(body.unitId === target.unit.id ? {} : { unitId: body.unitId }),
    ...(body.rankGroupId === (target.rankGroup?.id ?? null)
      ? {}
      : { rankGroupId: body.rankGroupId }),
    ...(body.targetYear === target.targetYear ? {} : { targetYear: body.targetYear }),
    ...(body.sharePercent === formatBasisPoints(target.shareBasisPoints)
      ? {}
      : { sharePercent: body.sharePercent }),
    ...((body.note ?? null) === target.note ? {} : { note: body.note ?? null }),
  };
}

/** A new target, or an edit of one: unit, rank group or all ranks, year, share and a note. */
export function TargetModal(props: {
  readonly target: RepresentationTarget | null;
  readonly defaultUnitId: number | null;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = useTargetAction();
  const units = useTargetUnits();
  const groups = useTargetRankGroups();
  const { target } = props;
  const [unitId, setUnitId] = useState<string | null>(
    target ? String(target.unit.id) : props.defaultUnitId ? String(props.defaultUnitId) : null,
  );
  const [rankGroup, setRankGroup] = useState(
    target?.rankGroup ? String(target.rankGroup.id) : ALL_RANKS,
  );
  const [year, setYear] = useState<string | number>(target?.targetYear ?? "");
  const [share, setShare] = useState(target ? formatBasisPoints(target.shareBasisPoints) : "");
  const [note, setNote] = useState(target?.note ?? "");
  const isReady = unitId !== null && typeof year === "number" && share.trim() !== "";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isReady) return;
    // The server checks the share and the year and names what it cannot accept.
    const body: CreateTargetInput = {
      unitId: Number(unitId),
      rankGroupId: rankGroup === ALL_RANKS ? null : Number(rankGroup),
      targetYear: year,
      sharePercent: normaliseShare(share),
      note: note.trim() === "" ? null : note.trim(),
    };
    if (!target) return action.mutate({ kind: "create", body }, { onSuccess: props.onClose });
    const changes = changesOf(target, body);
    if (Object.keys(changes).length === 0) return props.onClose();
    action.mutate({ kind: "update", id: target.id, body: changes }, { onSuccess: props.onClose });
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={
        target
          ? t("web.targets.editTitle", { unit: target.unit.name, year: String(target.targetYear) })
          : t("web.targets.createTitle")
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {action.isError ? <ErrorAlert error={action.error} /> : null}
          {units.isError ? <ErrorAlert error={units.error} /> : null}
          {groups.isError ? <ErrorAlert error={groups.error} /> : null}
          <Select
            label={t("web.targets.field.unit")}
            data={(units.data ?? []).map((u) => ({
              value: String(u.id),
              label: `${u.name} (${u.code})`,
            }))}
            value={unitId}
            onChange={setUnitId}
            searchable
            required
            allowDeselect={false}
            nothingFoundMessage={t("web.orgUnits.picker.nothingFound")}
          />
          <Select
            label={t("web.targets.field.rankGroup")}
            data={[
              { value: ALL_RANKS, label: t("web.targets.allRanks") },
              ...(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name })),
            ]}
            value={rankGroup}
            onChange={(value) => value && setRankGroup(value)}
            allowDeselect={false}
          />
          <NumberInput
            label={t("web.targets.field.targetYear")}
            description={t("web.targets.field.targetYearHint")}
            value={year}
            onChange={setYear}
            min={TARGET_YEAR_MIN}
            max={TARGET_YEAR_MAX}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            required
          />
          <TextInput
            label={t("web.targets.field.share")}
            description={t("web.targets.field.shareHint")}
            value={share}
            onChange={(event) => setShare(event.currentTarget.value)}
            inputMode="decimal"
            autoComplete="off"
            maxLength={16}
            required
          />
          <Textarea
            label={t("web.targets.field.note")}
            description={t("web.targets.field.noteHint")}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={TARGET_NOTE_MAX}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("web.common.cancel")}
            </Button>
            <Button type="submit" loading={action.isPending} disabled={!isReady}>
              {t("web.targets.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

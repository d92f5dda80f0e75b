import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { canPerform } from "../../../core/access/permissions";
import { ageGroups, type AgeGroup } from "../../../core/community/vocabulary";
import type { CreateIssueInput } from "../../../core/schemas/community-issues";
import { sexes, type Sex } from "../../../core/schemas/sex";
import { ErrorAlert } from "../../components/error-alert";
import { useUnitParam } from "../../lib/use-search-param";
import { useMe } from "../auth/api/use-me.query";
import { useCreateIssue, useIssueCategories, useScopeUnits } from "./api/use-community-issues";
import { fieldErrorOf } from "./field-errors";
import { IssueCategorySelect, IssuePlaceInput } from "./components/issue-fields";
import { useIssueLabels } from "./use-issue-labels";

type RecordedSource = "walk_in" | "phone";

/** Record a problem brought to the station in person or by phone. */
export function NewIssuePage() {
  const { t } = useTranslation();
  const labels = useIssueLabels();
  const navigate = useNavigate();
  const me = useMe();
  const roles = me.data?.user.roles ?? [];
  const [unitParam] = useUnitParam();
  const units = useScopeUnits();
  const categories = useIssueCategories();
  const create = useCreateIssue();

  const [source, setSource] = useState<RecordedSource>("walk_in");
  const [unitId, setUnitId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [description, setDescription] = useState("");
  const [place, setPlace] = useState("");
  const [sex, setSex] = useState<Sex | null>(null);
  const [ageGroup, setAgeGroup] = useState<AgeGroup | null>(null);
  const [isAnonymous, setIsAnonymous] = useState(false);
  const [contact, setContact] = useState("");
  const [womanOfficerRequested, setWomanOfficerRequested] = useState(false);
  const [dueOn, setDueOn] = useState("");
  const [solvedOnTheSpot, setSolvedOnTheSpot] = useState(false);

  if (
    !canPerform(
      roles.map((r) => r.role),
      "community.write",
    )
  ) {
    return <Text>{t("web.communityIssues.forbiddenWrite")}</Text>;
  }

  const openUnits = (units.data ?? []).filter((unit) => unit.closedOn === null);
  const defaultUnit =
    openUnits.find((unit) => unit.id === unitParam) ??
    openUnits.find((unit) => roles.some((r) => r.orgUnitId === unit.id));
  const chosenUnit = unitId ?? (defaultUnit ? String(defaultUnit.id) : null);
  const isReady = chosenUnit !== null && categoryId !== null && description.trim() !== "";
  const fieldError = fieldErrorOf(create.error);
  const errorFor = (field: string) =>
    fieldError?.field === field ? t(fieldError.key, fieldError.values) : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isReady) return;
    const text = (value: string) => (value.trim() === "" ? null : value);
    const body: CreateIssueInput = {
      source,
      unitId: Number(chosenUnit),
      categoryId: Number(categoryId),
      description,
      place: text(place),
      raisedBy: { sex, ageGroup },
      ...(isAnonymous ? { isAnonymous: true } : { contact: text(contact) }),
      womanOfficerRequested,
      ...(dueOn === "" ? {} : { dueOn }),
      solvedOnTheSpot,
    };
    create.mutate(body, {
      onSuccess: (issue) =>
        void navigate(`/community/issues/${issue.id}`, {
          state: { recorded: issue.reference },
        }),
    });
  };

  return (
    <Stack gap="lg" maw={860}>
      <Anchor component={Link} to="/community/issues" size="sm">
        ← {t("web.communityIssues.back")}
      </Anchor>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("web.communityIssues.form.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("web.communityIssues.form.intro")}
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate aria-label={t("web.communityIssues.form.title")}>
        <Stack gap="md">
          {create.isError && fieldError === null ? <ErrorAlert error={create.error} /> : null}
          {fieldError !== null ? (
            <Alert color="red" variant="light" role="alert">
              {t("web.communityIssues.form.fixField")}
            </Alert>
          ) : null}
          {units.isError ? <ErrorAlert error={units.error} /> : null}
          {categories.isError ? <ErrorAlert error={categories.error} /> : null}
          <Radio.Group
            label={t("web.communityIssues.form.source")}
            value={source}
            onChange={(value) => setSource(value === "phone" ? "phone" : "walk_in")}
            error={errorFor("source")}
          >
            <Group gap="lg" mt={6}>
              <Radio value="walk_in" label={labels.source("walk_in")} />
              <Radio value="phone" label={labels.source("phone")} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t("web.communityIssues.form.unit")}
              data={openUnits.map((unit) => ({
                value: String(unit.id),
                label: `${unit.name} (${unit.code})`,
              }))}
              value={chosenUnit}
              onChange={setUnitId}
              searchable
              required
              allowDeselect={false}
              error={errorFor("unitId")}
            />
            <IssueCategorySelect
              categories={categories.data ?? []}
              value={categoryId}
              onChange={setCategoryId}
              error={errorFor("categoryId")}
            />
          </SimpleGrid>
          <Textarea
            label={t("web.communityIssues.form.description")}
            description={t("web.communityIssues.form.descriptionHint")}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            autosize
            minRows={4}
            required
            error={errorFor("description")}
          />
          <IssuePlaceInput value={place} onChange={setPlace} error={errorFor("place")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t("web.communityIssues.form.sex")}
              placeholder={t("web.communityIssues.form.notSaid")}
              data={sexes.map((value) => ({ value, label: labels.sex(value) }))}
              value={sex}
              onChange={setSex}
              clearable
              error={errorFor("raisedBy.sex")}
            />
            <Select
              label={t("web.communityIssues.form.ageGroup")}
              placeholder={t("web.communityIssues.form.notSaid")}
              data={ageGroups.map((value) => ({ value, label: labels.ageGroup(value) }))}
              value={ageGroup}
              onChange={setAgeGroup}
              clearable
              error={errorFor("raisedBy.ageGroup")}
            />
          </SimpleGrid>
          <Checkbox
            label={t("web.communityIssues.form.anonymous")}
            description={t("web.communityIssues.form.anonymousHint")}
            checked={isAnonymous}
            onChange={(event) => setIsAnonymous(event.currentTarget.checked)}
          />
          {isAnonymous ? null : (
            <Textarea
              label={t("web.communityIssues.form.contact")}
              description={t("web.communityIssues.form.contactHint")}
              value={contact}
              onChange={(event) => setContact(event.currentTarget.value)}
              autosize
              minRows={2}
              autoComplete="off"
              error={errorFor("contact")}
            />
          )}
          <Checkbox
            label={t("web.communityIssues.form.womanOfficer")}
            checked={womanOfficerRequested}
            onChange={(event) => setWomanOfficerRequested(event.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="date"
              label={t("web.communityIssues.form.dueOn")}
              description={t("web.communityIssues.form.dueOnHint")}
              value={dueOn}
              onChange={(event) => setDueOn(event.currentTarget.value)}
              error={errorFor("dueOn")}
            />
          </SimpleGrid>
          <Checkbox
            label={t("web.communityIssues.form.solvedOnTheSpot")}
            description={t("web.communityIssues.form.solvedOnTheSpotHint")}
            checked={solvedOnTheSpot}
            onChange={(event) => setSolvedOnTheSpot(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button component={Link} to="/community/issues" variant="default">
              {t("web.common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!isReady}>
              {t("web.communityIssues.form.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

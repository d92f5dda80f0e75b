/** @jsxImportSource preact */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ageGroups } from "../../core/community/vocabulary";
import { useTranslator } from "./translator-context";
import {
  checkForm,
  emptyForm,
  textLimits,
  toForm,
  toSubmission,
  type FieldName,
  type FieldProblem,
  type ReportForm,
} from "./form-state";
import { loadLists, type Lists } from "./lists";
import { OutboxPanel } from "./outbox-panel";
import { Receipt } from "./receipt";
import { useOutbox } from "./use-outbox";

const sexChoices = ["F", "M", "X"] as const;

function Field(props: {
  id: string;
  label: string;
  hint?: string;
  problem?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={props.problem ? "field invalid" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
      {props.problem && (
        <p class="error" id={`${props.id}-error`}>
          {props.problem}
        </p>
      )}
    </div>
  );
}

/** `aria-describedby` of a field: its hint and its error, when shown. */
const describedBy = (id: string, hasHint: boolean, hasProblem: boolean) =>
  [hasHint ? `${id}-hint` : "", hasProblem ? `${id}-error` : ""].filter(Boolean).join(" ") ||
  undefined;

/** Raise a problem: the form, the outbox of reports not sent yet, and the receipt once sent. */
export function ReportPage() {
  const translator = useTranslator();
  const { t } = translator;
  const outbox = useOutbox();
  const [lists, setLists] = useState<Lists | null | undefined>(undefined);
  const [form, setForm] = useState<ReportForm>(emptyForm);
  const [problems, setProblems] = useState<Partial<Record<FieldName, FieldProblem>>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void loadLists().then(setLists);
  }, []);

  const set = <K extends keyof ReportForm>(key: K, value: ReportForm[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const problemText = (field: FieldName) => {
    const problem = problems[field];
    if (!problem) return undefined;
    return problem.kind === "required"
      ? t("web.publicChannel.report.required")
      : t("web.publicChannel.report.tooLong", { length: problem.length, max: problem.max });
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found = checkForm(form);
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      document
        .querySelector<HTMLElement>(
          ".field.invalid input, .field.invalid select, .field.invalid textarea",
        )
        ?.focus();
      return;
    }
    try {
      await outbox.submit(toSubmission(form, translator.locale));
      setForm(emptyForm);
    } catch {
      setFailure(t("web.publicChannel.outbox.storageFailed"));
    }
  };

  const receipt = outbox.entries?.find((e) => e.state === "sent");
  if (receipt?.receipt) {
    return (
      <Receipt receipt={receipt.receipt} onDone={() => void outbox.remove(receipt.clientId)} />
    );
  }

  const categoryName = (code: string, name: string | null) =>
    name ?? t(`community.categories.${code}`);
  const inputProps = (id: FieldName, hasHint: boolean) => ({
    id,
    name: id,
    "aria-invalid": problems[id] ? true : undefined,
    "aria-describedby": describedBy(id, hasHint, problems[id] !== undefined),
  });

  return (
    <>
      {outbox.entries && (
        <OutboxPanel
          entries={outbox.entries}
          isVolatile={outbox.isVolatile}
          isSending={outbox.isSending}
          waitSeconds={outbox.waitSeconds}
          onSendNow={() => void outbox.flush()}
          onEdit={(entry) => {
            setForm(toForm(entry.submission));
            void outbox.remove(entry.clientId);
          }}
          onDiscard={(entry) => void outbox.remove(entry.clientId)}
        />
      )}
      <h1>{t("web.publicChannel.report.title")}</h1>
      <p class="intro">{t("web.publicChannel.report.intro")}</p>
      {lists === null && (
        <p class="card error" role="alert">
          {t("web.publicChannel.report.listsUnavailable")}
        </p>
      )}
      <form class="report" noValidate onSubmit={(e) => void onSubmit(e)}>
        <Field
          id="category"
          label={t("web.publicChannel.report.category")}
          problem={problemText("category")}
        >
          <select
            {...inputProps("category", false)}
            value={form.category}
            required
            onChange={(e) => set("category", e.currentTarget.value)}
          >
            <option value="">{t("web.publicChannel.report.categoryPlaceholder")}</option>
            {lists?.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {categoryName(c.code, c.name)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="description"
          label={t("web.publicChannel.report.description")}
          hint={t("web.publicChannel.report.descriptionHint", { max: textLimits.description })}
          problem={problemText("description")}
        >
          <textarea
            {...inputProps("description", true)}
            rows={6}
            required
            value={form.description}
            onInput={(e) => set("description", e.currentTarget.value)}
          />
        </Field>
        <Field
          id="place"
          label={t("web.publicChannel.report.place")}
          hint={t("web.publicChannel.report.placeHint")}
          problem={problemText("place")}
        >
          <input
            {...inputProps("place", true)}
            type="text"
            value={form.place}
            onInput={(e) => set("place", e.currentTarget.value)}
          />
        </Field>
        <div class="field">
          <label for="unit">{t("web.publicChannel.report.unit")}</label>
          <select
            id="unit"
            name="unit"
            value={form.unit}
            onChange={(e) => set("unit", e.currentTarget.value)}
          >
            <option value="">{t("web.publicChannel.report.unitUnknown")}</option>
            {lists?.units.provinces.map((province) => (
              <optgroup key={province.code} label={province.name}>
                <option value={province.code}>{province.name}</option>
                {province.districts.map((district) => (
                  <option key={district.code} value={district.code}>
                    {district.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>

        <fieldset class="field">
          <legend>{t("web.publicChannel.report.identity")}</legend>
          <label class="choice">
            <input
              type="radio"
              name="identity"
              checked={form.isAnonymous}
              onChange={() => set("isAnonymous", true)}
            />
            <span>{t("web.publicChannel.report.anonymous")}</span>
          </label>
          <label class="choice">
            <input
              type="radio"
              name="identity"
              checked={!form.isAnonymous}
              onChange={() => set("isAnonymous", false)}
            />
            <span>{t("web.publicChannel.report.withContact")}</span>
          </label>
          {form.isAnonymous ? (
            <p class="notice">{t("web.publicChannel.report.anonymousHint")}</p>
          ) : (
            <Field
              id="contact"
              label={t("web.publicChannel.report.contact")}
              hint={t("web.publicChannel.report.contactHint")}
              problem={problemText("contact")}
            >
              <input
                {...inputProps("contact", true)}
                type="text"
                autocomplete="tel"
                value={form.contact}
                onInput={(e) => set("contact", e.currentTarget.value)}
              />
            </Field>
          )}
        </fieldset>

        <fieldset class="field">
          <legend>{t("web.publicChannel.report.aboutYou")}</legend>
          <p class="hint">{t("web.publicChannel.report.aboutYouHint")}</p>
          <label for="sex">{t("web.publicChannel.report.sex")}</label>
          <select
            id="sex"
            value={form.sex}
            onChange={(e) => set("sex", e.currentTarget.value as ReportForm["sex"])}
          >
            <option value="">{t("web.publicChannel.report.notSaying")}</option>
            {sexChoices.map((sex) => (
              <option key={sex} value={sex}>
                {t(`web.publicChannel.report.sexes.${sex}`)}
              </option>
            ))}
          </select>
          <label for="age-group">{t("web.publicChannel.report.ageGroup")}</label>
          <select
            id="age-group"
            value={form.ageGroup}
            onChange={(e) => set("ageGroup", e.currentTarget.value as ReportForm["ageGroup"])}
          >
            <option value="">{t("web.publicChannel.report.notSaying")}</option>
            {ageGroups.map((group) => (
              <option key={group} value={group}>
                {t(`web.publicChannel.report.ageGroups.${group}`)}
              </option>
            ))}
          </select>
        </fieldset>

        <label class="choice field">
          <input
            type="checkbox"
            name="womanOfficerRequested"
            checked={form.womanOfficerRequested}
            onChange={(e) => set("womanOfficerRequested", e.currentTarget.checked)}
          />
          <span>
            {t("web.publicChannel.report.womanOfficer")}
            <span class="hint block">{t("web.publicChannel.report.womanOfficerHint")}</span>
          </span>
        </label>

        <div class="honeypot" aria-hidden="true">
          <label for="website">{t("web.publicChannel.report.honeypot")}</label>
          <input
            id="website"
            name="website"
            type="text"
            tabIndex={-1}
            autocomplete="off"
            value={form.website}
            onInput={(e) => set("website", e.currentTarget.value)}
          />
        </div>

        {Object.keys(problems).length > 0 && (
          <p class="error" role="alert">
            {t("web.publicChannel.report.fixErrors")}
          </p>
        )}
        {failure && (
          <p class="error" role="alert">
            {failure}
          </p>
        )}
        <button
          type="submit"
          class="primary"
          disabled={outbox.entries === null || outbox.isSending}
        >
          {outbox.isSending
            ? t("web.publicChannel.report.sending")
            : t("web.publicChannel.report.submit")}
        </button>
      </form>
    </>
  );
}

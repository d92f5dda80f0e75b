import type { AgeGroup } from "../../core/community/vocabulary";
import { communityTextLimits } from "../../core/community/text-limits";
import type { Locale } from "../../core/schemas/auth";
import type { Sex } from "../../core/schemas/sex";
import { newClientId, type Submission } from "./outbox";

/** The form as the resident fills it in (strings as typed). */
export interface ReportForm {
  readonly category: string;
  readonly description: string;
  readonly place: string;
  /** A province or district code; "" = not chosen. */
  readonly unit: string;
  readonly isAnonymous: boolean;
  readonly contact: string;
  readonly sex: Sex | "";
  readonly ageGroup: AgeGroup | "";
  readonly womanOfficerRequested: boolean;
  /** The honeypot, hidden from people. */
  readonly website: string;
}

export const emptyForm: ReportForm = {
  category: "",
  description: "",
  place: "",
  unit: "",
  isAnonymous: true,
  contact: "",
  sex: "",
  ageGroup: "",
  womanOfficerRequested: false,
  website: "",
};

export type FieldName = "category" | "description" | "place" | "contact";

/** A field's problem: missing, or too long (length and limit). */
export type FieldProblem =
  | { readonly kind: "required" }
  | { readonly kind: "too_long"; readonly length: number; readonly max: number };

export const textLimits = {
  description: communityTextLimits.description,
  place: communityTextLimits.place,
  contact: communityTextLimits.contact,
} as const;

/** The problems the page can see before sending (the server checks the same rules again). */
export function checkForm(form: ReportForm): Partial<Record<FieldName, FieldProblem>> {
  const problems: Partial<Record<FieldName, FieldProblem>> = {};
  if (form.category === "") problems.category = { kind: "required" };
  if (form.description.trim() === "") problems.description = { kind: "required" };
  if (!form.isAnonymous && form.contact.trim() === "") problems.contact = { kind: "required" };
  for (const field of ["description", "place", "contact"] as const) {
    const length = form[field].trim().length;
    if (length > textLimits[field]) {
      problems[field] = { kind: "too_long", length, max: textLimits[field] };
    }
  }
  return problems;
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

/**
 * The submission of a checked form. Anonymous sends no contact at all, even one typed before the
 * resident chose anonymity.
 */
export function toSubmission(form: ReportForm, language: Locale): Submission {
  const raisedBy = {
    ...(form.sex === "" ? {} : { sex: form.sex }),
    ...(form.ageGroup === "" ? {} : { ageGroup: form.ageGroup }),
  };
  return {
    clientId: newClientId(),
    category: form.category,
    description: form.description.trim(),
    place: orNull(form.place),
    ...(form.unit === "" ? {} : { unit: form.unit }),
    isAnonymous: form.isAnonymous,
    contact: form.isAnonymous ? null : orNull(form.contact),
    ...(Object.keys(raisedBy).length === 0 ? {} : { raisedBy }),
    womanOfficerRequested: form.womanOfficerRequested,
    language,
    ...(form.website === "" ? {} : { website: form.website }),
  };
}

/** A refused submission back into the form, to correct and send again. */
export function toForm(submission: Submission): ReportForm {
  return {
    category: submission.category,
    description: submission.description,
    place: submission.place ?? "",
    unit: submission.unit ?? "",
    isAnonymous: submission.isAnonymous,
    contact: submission.contact ?? "",
    sex: submission.raisedBy?.sex ?? "",
    ageGroup: submission.raisedBy?.ageGroup ?? "",
    womanOfficerRequested: submission.womanOfficerRequested,
    website: "",
  };
}

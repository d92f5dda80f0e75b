import type { IssueDetail, UpdateIssueInput } from "../../../core/schemas/community-issues";

/**
 * The body of `PATCH /api/community-issues/:id`: only the fields that differ from the issue as
 * shown, so that the history names what changed. A blank place or due date clears it.
 */
export function changedIssueFields(
  issue: IssueDetail,
  values: {
    readonly categoryId: number;
    readonly place: string;
    readonly dueOn: string;
    readonly womanOfficerRequested: boolean;
  },
): UpdateIssueInput {
  const place = values.place.trim() === "" ? null : values.place;
  const dueOn = values.dueOn === "" ? null : values.dueOn;
  return {
    ...(values.categoryId === issue.category.id ? {} : { categoryId: values.categoryId }),
    ...(place === issue.place ? {} : { place }),
    ...(dueOn === issue.dueOn ? {} : { dueOn }),
    ...(values.womanOfficerRequested === issue.womanOfficerRequested
      ? {}
      : { womanOfficerRequested: values.womanOfficerRequested }),
  };
}

import { describe, expect, it } from "vitest";
import { createOutreachSessionBody, type OutreachSession } from "../../../../core/schemas/outreach";
import { setCell } from "./attendance";
import { parseCoordinate, sessionToDraft, toCreateBody, toUpdateBody } from "./session-body";
import { emptyProblemDraft, emptySessionDraft, type SessionDraft } from "./session-draft";

const filled = (): SessionDraft => {
  const base = emptySessionDraft("2025-06-10", 12);
  return {
    ...base,
    place: "Phum Thmei <commune hall>",
    latitude: "11,55",
    longitude: " 104.92 ",
    notes: "With the commune council",
    topicIds: [3, 5],
    partnerIds: [8],
    officers: { F: 2, M: 1, X: 0, U: 0 },
    attendance: setCell(setCell(base.attendance, "F", "adult", 31), "M", "youth", 9),
    problems: [
      {
        ...emptyProblemDraft("a"),
        categoryId: 4,
        description: "Boundary dispute",
        solvedOnTheSpot: false,
        raisedBySex: "F",
        womanOfficerRequested: true,
      },
    ],
  };
};

describe("outreach form → API body", () => {
  it("maps a filled-in form to the create body the API accepts", () => {
    const mapped = toCreateBody(filled());
    expect(mapped).toEqual({
      ok: true,
      body: {
        heldOn: "2025-06-10",
        unitId: 12,
        place: "Phum Thmei <commune hall>",
        latitude: 11.55,
        longitude: 104.92,
        notes: "With the commune council",
        topicIds: [3, 5],
        partnerIds: [8],
        officersPresent: { F: 2, M: 1, X: 0, U: 0 },
        attendance: [
          { sex: "F", ageGroup: "adult", count: 31 },
          { sex: "M", ageGroup: "youth", count: 9 },
        ],
        problems: [
          {
            categoryId: 4,
            description: "Boundary dispute",
            solvedOnTheSpot: false,
            womanOfficerRequested: true,
            raisedBy: { sex: "F", ageGroup: null },
          },
        ],
      },
    });
    expect(mapped.ok && createOutreachSessionBody.safeParse(mapped.body).success).toBe(true);
  });

  it("leaves coordinates out when none are given, and raisedBy when nobody is described", () => {
    const draft = { ...filled(), latitude: "", longitude: "" };
    draft.problems = [{ ...draft.problems[0], raisedBySex: null }];
    const mapped = toCreateBody(draft);
    expect(mapped.ok && "latitude" in mapped.body).toBe(false);
    expect(mapped.ok && mapped.body.problems[0]).not.toHaveProperty("raisedBy");
  });

  it("names every field to fix, by the API's field names, before sending anything", () => {
    const draft: SessionDraft = {
      ...filled(),
      heldOn: "2025-02-30",
      unitId: null,
      place: "  ",
      latitude: "north",
      longitude: "",
      problems: [emptyProblemDraft("x")],
    };
    const mapped = toCreateBody(draft);
    expect(mapped.ok).toBe(false);
    expect(!mapped.ok && mapped.errors).toEqual({
      heldOn: { key: "invalidDate" },
      unitId: { key: "required" },
      place: { key: "required" },
      latitude: { key: "invalidNumber" },
      longitude: { key: "coordinatesPair" },
      "problems[0].categoryId": { key: "required" },
      "problems[0].description": { key: "required" },
      "problems[0].solvedOnTheSpot": { key: "required" },
    });
  });

  it("wants both coordinates or neither, each within range", () => {
    const errorsOf = (latitude: string, longitude: string) => {
      const mapped = toCreateBody({ ...filled(), latitude, longitude });
      return mapped.ok ? {} : mapped.errors;
    };
    expect(errorsOf("11.5", "")).toEqual({ longitude: { key: "coordinatesPair" } });
    expect(errorsOf("", "104")).toEqual({ latitude: { key: "coordinatesPair" } });
    expect(errorsOf("91", "104")).toEqual({ latitude: { key: "latitudeRange" } });
    expect(errorsOf("-11", "-181")).toEqual({ longitude: { key: "longitudeRange" } });
  });

  it("reads coordinates as people type them", () => {
    expect(parseCoordinate("11,5564")).toBe(11.5564);
    expect(parseCoordinate(" -0.5 ")).toBe(-0.5);
    expect(parseCoordinate("")).toBeNull();
    expect(parseCoordinate("1e5")).toBeNaN();
    expect(parseCoordinate("11.5.6")).toBeNaN();
  });

  it("sends only what changed in an edit, so the audit trail names it", () => {
    // A stored session's form holds no problems: those recorded are issues, listed apart.
    const original: SessionDraft = { ...filled(), problems: [] };
    const same = toUpdateBody(original, original);
    expect(same).toEqual({ ok: true, body: {} });
    const edited: SessionDraft = {
      ...original,
      place: "Wat Phnom",
      topicIds: [5, 3],
      officers: { ...original.officers, M: 2 },
      attendance: setCell(original.attendance, "M", "youth", 0),
      latitude: "",
      longitude: "",
    };
    expect(toUpdateBody(edited, original)).toEqual({
      ok: true,
      body: {
        place: "Wat Phnom",
        latitude: null,
        longitude: null,
        officersPresent: { F: 2, M: 2, X: 0, U: 0 },
        attendance: [{ sex: "F", ageGroup: "adult", count: 31 }],
      },
    });
  });

  it("sends the problems added to a saved session, or names what is missing in them", () => {
    const original: SessionDraft = { ...filled(), problems: [] };
    const added = toUpdateBody({ ...original, problems: filled().problems }, original);
    // The same problem body as a new session's.
    const created = toCreateBody(filled());
    expect(added).toEqual({ ok: true, body: { problems: created.ok && created.body.problems } });
    const blank = toUpdateBody({ ...original, problems: [emptyProblemDraft("y")] }, original);
    expect(!blank.ok && Object.keys(blank.errors)).toEqual([
      "problems[0].categoryId",
      "problems[0].description",
      "problems[0].solvedOnTheSpot",
    ]);
  });

  it("fills the form from a stored session", () => {
    const session = {
      id: 9,
      heldOn: "2025-06-10",
      unit: { id: 12, code: "P1-D1", name: "District 1" },
      place: "Phum Thmei",
      topics: [{ id: 3, code: "drugs", name: null }],
      attendance: { F: 31, M: 0, X: 0, U: 0, N: 31 },
      officersPresent: { F: 2, M: 1, X: 0, U: 0, N: 3 },
      issueCount: 0,
      latitude: 11.55,
      longitude: 104.92,
      notes: "",
      partners: [{ id: 8, name: "Women's Affairs", type: "government_department" }],
      attendanceCells: [{ sex: "F", ageGroup: "adult", count: 31 }],
      issues: [],
      createdAt: "2025-06-10T09:00:00Z",
      updatedAt: "2025-06-10T09:00:00Z",
    } satisfies OutreachSession;
    const draft = sessionToDraft(session);
    expect(draft).toMatchObject({
      heldOn: "2025-06-10",
      unitId: 12,
      latitude: "11.55",
      longitude: "104.92",
      topicIds: [3],
      partnerIds: [8],
      officers: { F: 2, M: 1, X: 0, U: 0 },
      problems: [],
    });
    expect(draft.attendance.F.adult).toBe(31);
    expect(toUpdateBody(draft, draft)).toEqual({ ok: true, body: {} });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunityWorld, type CommunityWorld } from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import { testEngines } from "../../../../test/test-db";
import type { IssueDetail, IssuePage } from "../../../core/schemas/community-issues";

describe.each(testEngines())("community issues: woman-officer filter and orders (%s)", (engine) => {
  let world: CommunityWorld;
  let created: IssueDetail[];

  const list = async (query: string) => {
    const response = await world.call("co.p2", "GET", `/api/community-issues?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<IssuePage>().issues.map((issue) => issue.description);
  };

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
    const categoryId = await world.categoryId("domestic_violence");
    const unitId = world.tree.id("P2-D1");
    created = [];
    for (const [description, dueOn, womanOfficerRequested] of [
      ["first", "2024-07-10", true],
      ["second", "2024-06-01", false],
      ["third", "2024-06-20", true],
    ] as const) {
      const response = await world.call("co.p2", "POST", "/api/community-issues", {
        source: "phone",
        unitId,
        categoryId,
        description,
        dueOn,
        womanOfficerRequested,
      });
      expect(response.statusCode, response.body).toBe(201);
      created.push(response.json<IssueDetail>());
    }
    // The app's clock stands still in tests: the first issue is made the last one changed.
    const first = created[0];
    if (!first) throw new Error("no issue");
    await world.database.db
      .updateTable("community_issues")
      .set({ updated_at: new Date("2024-06-15T10:00:00Z") })
      .where("id", "=", first.id)
      .execute();
  });
  afterAll(async () => {
    await world?.close();
  });

  it("keeps only the issues whose resident asked for a woman officer, or only the others", async () => {
    expect((await list("womanOfficer=true")).sort()).toEqual(["first", "third"]);
    expect(await list("womanOfficer=false")).toEqual(["second"]);
  });

  it("orders by creation (default), by due date or by last change", async () => {
    expect(await list("")).toEqual(["third", "second", "first"]);
    expect(await list("sort=newest")).toEqual(["third", "second", "first"]);
    expect(await list("sort=due")).toEqual(["second", "third", "first"]);
    expect((await list("sort=updated"))[0]).toBe("first");
  });

  it("refuses an unknown order", async () => {
    const response = await world.call("co.p2", "GET", "/api/community-issues?sort=oldest");
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe("request.invalid");
  });
});

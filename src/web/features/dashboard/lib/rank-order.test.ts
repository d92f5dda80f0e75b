import { describe, expect, it } from "vitest";
import type { RankGroup } from "../../../../core/schemas/register-config";
import { rankOrderOf } from "./rank-order";

const rank = (code: string, ordinal: number, rankGroupId: number) => ({
  id: ordinal,
  code,
  name: code,
  ordinal,
  rankGroupId,
  isActive: true,
  isInUse: true,
});

const group = (
  id: number,
  code: string,
  ordinal: number,
  ranks: RankGroup["ranks"],
): RankGroup => ({
  id,
  code,
  name: code,
  ordinal,
  isTop: false,
  isInUse: true,
  ranks,
});

describe("rankOrderOf", () => {
  it("orders groups and ranks by their ordinals, whatever order the scheme lists them in", () => {
    const order = rankOrderOf([
      group(2, "SEN", 2, [rank("GEN", 4, 2), rank("COL", 3, 2)]),
      group(1, "JUN", 1, [rank("SGT", 2, 1), rank("CON", 1, 1)]),
    ]);
    expect(order).toEqual({ groups: ["JUN", "SEN"], ranks: ["CON", "SGT", "COL", "GEN"] });
  });
});

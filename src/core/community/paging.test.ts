import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageOf, pageWindow } from "./paging";

describe("community list paging", () => {
  it("reads one row more than a page, from the page's first row", () => {
    expect(pageWindow(1)).toEqual({ limit: 51, offset: 0 });
    expect(pageWindow(3)).toEqual({ limit: 51, offset: 100 });
    expect(pageWindow(2, 10)).toEqual({ limit: 11, offset: 10 });
  });

  it("keeps a page of rows and says whether the extra row was there", () => {
    expect(pageOf([1, 2, 3], 2, 2)).toEqual({ items: [1, 2], page: 2, hasNextPage: true });
    expect(pageOf([1, 2], 2, 2)).toEqual({ items: [1, 2], page: 2, hasNextPage: false });
    expect(pageOf([], 1, 2)).toEqual({ items: [], page: 1, hasNextPage: false });
  });

  it("walks a whole list exactly once, page after page", () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 1, max: 20 }), (total, size) => {
        const all = Array.from({ length: total }, (_, i) => i);
        const seen: number[] = [];
        for (let page = 1; ; page += 1) {
          const { limit, offset } = pageWindow(page, size);
          const result = pageOf(all.slice(offset, offset + limit), page, size);
          seen.push(...result.items);
          if (!result.hasNextPage) break;
        }
        expect(seen).toEqual(all);
      }),
    );
  });
});

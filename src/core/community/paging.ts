import { COMMUNITY_PAGE_SIZE } from "../schemas/community-common";

/** The rows a repository reads for one page of a list. */
export interface Paging {
  readonly limit: number;
  readonly offset: number;
}

/**
 * The rows to read for page `page` (from 1): one more than a page, so that the extra row tells
 * whether another page follows without a count.
 */
export function pageWindow(page: number, size: number = COMMUNITY_PAGE_SIZE): Paging {
  return { limit: size + 1, offset: (page - 1) * size };
}

/** The rows of page `page` from those read through `pageWindow`, and whether another follows. */
export function pageOf<T>(
  rows: readonly T[],
  page: number,
  size: number = COMMUNITY_PAGE_SIZE,
): { items: T[]; page: number; hasNextPage: boolean } {
  return { items: rows.slice(0, size), page, hasNextPage: rows.length > size };
}

import type { PublicCategories, PublicUnits } from "../../core/schemas/public-channel";
import { publicApi } from "./api";

export interface Lists {
  readonly categories: PublicCategories["categories"];
  readonly units: PublicUnits;
}

const STORAGE_KEY = "tandem.public.lists";

function stored(): Lists | null {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as Lists) : null;
  } catch {
    return null;
  }
}

/**
 * The categories and units to choose from: fresh from the server, kept in this browser so that
 * the form also opens offline; the kept copy when there is no connection. Null: neither.
 */
export async function loadLists(): Promise<Lists | null> {
  try {
    const [categories, units] = await Promise.all([publicApi.categories(), publicApi.units()]);
    const lists = { categories: categories.categories, units };
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(lists));
    } catch {
      // A full or disabled storage: the lists still serve this visit.
    }
    return lists;
  } catch {
    return stored();
  }
}

/** The residents' page's paths and its service worker's cache, shared by the page and the worker. */

/** Where the page's HTML is kept; the same HTML serves /report and every follow-up link. */
export const SHELL_PATH = "/report";
export const SHELL_CACHE = "tandem-resident-shell-v1";
export const SERVICE_WORKER_URL = "/resident-sw.js";
/** The page → worker message listing the files it loaded. */
export const SHELL_FILES_MESSAGE = "shell-files";

export const FOLLOW_UP_PREFIX = "/follow-up/";

export function isResidentPath(pathname: string): boolean {
  return pathname === SHELL_PATH || pathname.startsWith(FOLLOW_UP_PREFIX);
}

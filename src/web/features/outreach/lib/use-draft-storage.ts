import { useState } from "react";
import {
  isSameDraft,
  parseDraft,
  serialiseDraft,
  type SessionDraft,
  type StoredDraft,
} from "./session-draft";

function readStored(key: string): StoredDraft | null {
  try {
    return parseDraft(window.localStorage.getItem(key));
  } catch {
    return null;
  }
}

/** Keeps `draft` under `key` (removes it when equal to `initial`); false when storage refuses. */
function keep(key: string, draft: SessionDraft, initial: SessionDraft): boolean {
  try {
    if (isSameDraft(draft, initial)) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, serialiseDraft(draft, new Date()));
    return true;
  } catch {
    return false;
  }
}

/**
 * The form's draft, written to this browser's localStorage at every change so that a dropped
 * connection or a closed tab loses nothing. A draft equal to `initial` is not kept. Returns the
 * draft, `change` (sets and keeps it), when a kept draft was restored (null if none), whether
 * this browser can keep one, `discard` (back to `initial`) and `forget` (after saving).
 */
export function useDraftStorage(key: string, initial: SessionDraft) {
  const [restored] = useState(() => readStored(key));
  const [draft, setDraft] = useState<SessionDraft>(() => restored?.draft ?? initial);
  const [canKeep, setCanKeep] = useState(true);

  const change = (next: SessionDraft) => {
    setDraft(next);
    setCanKeep(keep(key, next, initial));
  };
  const forget = () => keep(key, initial, initial);
  return {
    draft,
    change,
    restoredAt: restored?.savedAt ?? null,
    canKeep,
    discard: () => change(initial),
    forget,
  };
}

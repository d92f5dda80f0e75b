-- Decision 0017: a write appends its audit entry to `audit_inbox` inside its own transaction (no
-- chain lock, so writes commit in parallel); a linker moves inbox entries into the hash chain of
-- `audit_log` in batches, right after the commit. The inbox keeps the columns of an entry without
-- its place in the chain (id, prev_hash, hash); `id` is the order of arrival.
CREATE TABLE audit_inbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_user_id integer,
  actor_username text,
  action text NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
  entity_type text,
  entity_id text,
  org_unit_id integer,
  fields text[] NOT NULL DEFAULT '{}',
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  ip text,
  user_agent text
);

-- An entry waiting to be linked is never changed; the linker only moves it (DELETE … RETURNING
-- into audit_log, in one transaction).
CREATE FUNCTION audit_inbox_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_inbox entries only move into audit_log: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_inbox_no_update BEFORE UPDATE ON audit_inbox
  FOR EACH ROW EXECUTE FUNCTION audit_inbox_refuse_change();
CREATE TRIGGER audit_inbox_no_truncate BEFORE TRUNCATE ON audit_inbox
  FOR EACH STATEMENT EXECUTE FUNCTION audit_inbox_refuse_change();

-- A new community issue, its `created` history entry and, when given, its audit entry, in one
-- statement (issue-store.ts insertIssueWithHistory). The rows come as JSON objects keyed by column
-- name; the issue is written only when its unit is open, its category active and the unit's path
-- matches one of `scope_patterns` (LIKE patterns of the caller's scope, http/scope.ts). The audit
-- entry's entity_id is the new issue's id. A PL/pgSQL function keeps its plans for the session:
-- the intake is the public channel's hot path, and planning one CTE cost more than its writes.
CREATE FUNCTION record_community_issue(issue jsonb, created jsonb, scope_patterns text[], audit jsonb)
RETURNS TABLE (unit_path text, category_active boolean, issue_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
  new_issue community_issues := jsonb_populate_record(NULL::community_issues, issue);
  new_event community_issue_events := jsonb_populate_record(NULL::community_issue_events, created);
  new_entry audit_inbox := jsonb_populate_record(NULL::audit_inbox, audit);
BEGIN
  SELECT u.path INTO unit_path FROM org_units u
    WHERE u.id = new_issue.org_unit_id AND u.closed_on IS NULL;
  category_active := EXISTS (
    SELECT 1 FROM issue_categories c WHERE c.id = new_issue.category_id AND c.is_active);
  IF unit_path IS NULL OR NOT category_active OR NOT (unit_path LIKE ANY (scope_patterns)) THEN
    RETURN NEXT;
    RETURN;
  END IF;
  INSERT INTO community_issues AS i (reference, source, category_id, description, place,
      outreach_session_id, raised_by_sex, raised_by_age_group, is_anonymous, contact_encrypted,
      woman_officer_requested, assignee_id, org_unit_id, due_on, follow_up_secret_hash, language,
      client_key_hash, created_by, created_at, updated_at)
    VALUES (new_issue.reference, new_issue.source, new_issue.category_id, new_issue.description,
      new_issue.place, new_issue.outreach_session_id, new_issue.raised_by_sex,
      new_issue.raised_by_age_group, new_issue.is_anonymous, new_issue.contact_encrypted,
      new_issue.woman_officer_requested, new_issue.assignee_id, new_issue.org_unit_id,
      new_issue.due_on, new_issue.follow_up_secret_hash, new_issue.language,
      new_issue.client_key_hash, new_issue.created_by, new_issue.created_at, new_issue.updated_at)
    RETURNING i.id INTO issue_id;
  INSERT INTO community_issue_events (issue_id, kind, from_status, to_status, reason, note,
      is_internal, assignee_id, referral_id, fields, confirmation, actor_kind, actor_user_id,
      occurred_at)
    VALUES (issue_id, new_event.kind, new_event.from_status, new_event.to_status, new_event.reason,
      new_event.note, new_event.is_internal, new_event.assignee_id, new_event.referral_id,
      new_event.fields, new_event.confirmation, new_event.actor_kind, new_event.actor_user_id,
      new_event.occurred_at);
  IF audit IS NOT NULL THEN
    INSERT INTO audit_inbox (occurred_at, actor_user_id, actor_username, action, entity_type,
        entity_id, org_unit_id, fields, outcome, ip, user_agent)
      VALUES (new_entry.occurred_at, new_entry.actor_user_id, new_entry.actor_username,
        new_entry.action, new_entry.entity_type, issue_id::text, new_entry.org_unit_id,
        new_entry.fields, new_entry.outcome, new_entry.ip, new_entry.user_agent);
  END IF;
  RETURN NEXT;
END;
$$;

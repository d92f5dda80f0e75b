-- Feedback of community policing (issue 7): a respondent's own words beside the answers, and at most
-- one answer through the public channel per issue (the follow-up link opens the survey once).
-- The comment is stored verbatim, markup included; its limit matches core/community/text-limits.ts.
ALTER TABLE feedback_responses
  ADD COLUMN comment text CHECK (length(comment) BETWEEN 1 AND 1000);

CREATE UNIQUE INDEX feedback_responses_public_once ON feedback_responses (issue_id)
  WHERE channel = 'public_channel';

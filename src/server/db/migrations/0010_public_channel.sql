-- The public channel of community policing (issue 7): what a resident's own submission adds.
-- The language the resident wrote in (src/core/schemas/auth.ts `locales`), so that officers answer
-- in it and the follow-up page opens in it; NULL for issues recorded by an officer.
ALTER TABLE community_issues
  ADD COLUMN language text CHECK (language IN ('en', 'km', 'vi', 'th', 'ru', 'kk'));

-- The resident's answer in each `resident_confirmation` entry of the history (the issue row keeps
-- only the latest); vocabulary of core/community/vocabulary.ts `residentConfirmations`.
ALTER TABLE community_issue_events
  ADD COLUMN confirmation text CHECK (confirmation IN ('fixed', 'not_fixed', 'dont_know'));

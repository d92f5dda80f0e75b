-- The public channel of community policing (issue 7): a retried submission returns the same receipt.
-- The resident's page gives each submission a random client id (a UUID) and sends it again when it
-- retries after a lost connection. The database keeps only its SHA-256 (hex), UNIQUE, so that the
-- same submission is never recorded twice, even when two retries race; NULL for issues recorded by
-- an officer and for submissions sent without a client id.
ALTER TABLE community_issues
  ADD COLUMN client_key_hash text UNIQUE CHECK (client_key_hash ~ '^[0-9a-f]{64}$');

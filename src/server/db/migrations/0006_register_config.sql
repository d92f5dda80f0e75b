-- Configurable rank scheme and job roles (issue 5): ranks and roles are never deleted (career
-- history names them); one that is no longer in use is marked inactive, and imports refuse it.
ALTER TABLE ranks ADD COLUMN is_active boolean NOT NULL DEFAULT true;
ALTER TABLE job_roles ADD COLUMN is_active boolean NOT NULL DEFAULT true;

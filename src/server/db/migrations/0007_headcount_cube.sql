-- Month-end headcount cube (issue 6, decision 0013): who is in post at every month-end of the
-- last ten years, by org-unit subtree × rank × sex, so that an as-of headcount is an index lookup
-- plus the few spells that changed since the month-end, instead of a scan of the whole history.
--
-- `org_unit_id` is the root of a subtree: a spell counts in its own unit and in every ancestor
-- (today's tree, from `org_units.path`) that is not a station: a station's few hundred spells are
-- read directly (career_spells_unit_idx), and leaving stations out makes the cube several times
-- smaller. Only non-zero combinations are stored. `headcount` has no
-- CHECK (>= 0): INSERT … ON CONFLICT checks the proposed row, which here is a (negative) change. The cube is
-- derived data: triggers on career_spells, persons (sex) and org_units (path) keep it exact inside
-- the writing transaction; bulk loads set `tandem.headcount_cube = 'deferred'` and rebuild it.
CREATE TABLE headcount_cube_range (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  first_month_end date NOT NULL,
  last_month_end date NOT NULL CHECK (last_month_end >= first_month_end)
);

CREATE TABLE headcount_month_ends (
  org_unit_id integer NOT NULL,
  month_end date NOT NULL,
  rank_id integer NOT NULL,
  sex text NOT NULL,
  headcount integer NOT NULL,
  PRIMARY KEY (org_unit_id, month_end, rank_id, sex)
);

-- Spells that ended after a month-end: the "changed since" half of an as-of query.
CREATE INDEX career_spells_valid_to_idx ON career_spells (valid_to);
-- A station's spells, for the subtrees the cube leaves out.
CREATE INDEX career_spells_unit_idx ON career_spells (org_unit_id, valid_from);

CREATE FUNCTION month_end(d date) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (date_trunc('month', d::timestamp) + interval '1 month' - interval '1 day')::date $$;

-- Months as integers (year × 12 + month − 1): the cube's arithmetic stays on integers.
CREATE FUNCTION month_index(d date) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (date_part('year', d) * 12 + date_part('month', d) - 1)::integer $$;

-- The statement that adds `source` to the cube. `source` is a query yielding
-- (path, rank_id, sex, valid_from, valid_to, sign): each spell counts `sign` at every month-end m
-- of the cube with valid_from <= m < valid_to. The changes are summed per subtree, rank, sex and
-- month-end first, so a rewrite that nets out (old spells -1, new spells +1) touches nothing, and
-- each changed combination is then carried forward to the last month-end (a running sum).
-- `into_empty`: the cube is being rebuilt into an empty table without its key (no ON CONFLICT).
CREATE FUNCTION headcount_cube_statement(source text, into_empty boolean DEFAULT false) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $fn$ SELECT format($q$
    WITH r AS (
      SELECT month_index(first_month_end) AS lo, month_index(last_month_end) AS hi
        FROM headcount_cube_range
    ),
    months AS (
      SELECT x AS mi, month_end(make_date(x / 12, x %% 12 + 1, 1)) AS month_end
        FROM r, generate_series(r.lo, r.hi) AS x
    ),
    spells AS (
      SELECT src.path, src.rank_id, src.sex, src.sign,
             month_index(src.valid_from) AS a,
             CASE WHEN src.valid_to IS NOT NULL THEN month_index(src.valid_to) END AS b
        FROM (%s) AS src(path, rank_id, sex, valid_from, valid_to, sign)
    ),
    s AS (
      SELECT path, rank_id, sex, sign, greatest(a, r.lo) AS a, b
        FROM spells, r
       WHERE a <= r.hi AND (b IS NULL OR b > greatest(a, r.lo))
    ),
    points AS (
      SELECT path, rank_id, sex, a AS m, sum(sign) AS d FROM s GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT path, rank_id, sex, b, -sum(sign) FROM s, r WHERE b <= r.hi GROUP BY 1, 2, 3, 4
    ),
    changes AS (
      SELECT ancestor::integer AS org_unit_id, rank_id, sex, m, sum(d)::integer AS d
        FROM points, unnest(string_to_array(trim(BOTH '/' FROM path), '/')) AS ancestor
       WHERE ancestor::integer IN (SELECT id FROM org_units WHERE kind <> 'station')
       GROUP BY 1, 2, 3, 4
      HAVING sum(d) <> 0
    ),
    combos AS (SELECT org_unit_id, rank_id, sex, min(m) AS first_m FROM changes GROUP BY 1, 2, 3),
    grid AS (
      SELECT c.org_unit_id, c.rank_id, c.sex, x AS m, 0 AS d
        FROM combos c, r, generate_series(c.first_m, r.hi) AS x
      UNION ALL
      SELECT org_unit_id, rank_id, sex, m, d FROM changes
    ),
    carried AS (
      SELECT org_unit_id, rank_id, sex, months.month_end AS m,
             sum(sum(d)) OVER (PARTITION BY org_unit_id, rank_id, sex ORDER BY grid.m)::integer AS d
        FROM grid JOIN months ON months.mi = grid.m
       GROUP BY org_unit_id, rank_id, sex, grid.m, months.month_end
    )
    INSERT INTO headcount_month_ends AS h (org_unit_id, month_end, rank_id, sex, headcount)
    SELECT org_unit_id, m, rank_id, sex, d FROM carried WHERE d <> 0
    %s
  $q$, source, CASE WHEN into_empty THEN '' ELSE
    'ON CONFLICT (org_unit_id, month_end, rank_id, sex)
     DO UPDATE SET headcount = h.headcount + excluded.headcount' END) $fn$;

CREATE FUNCTION headcount_cube_apply(source text) RETURNS void
  LANGUAGE plpgsql
  AS $$ BEGIN EXECUTE headcount_cube_statement(source); END $$;

-- The cube from scratch: 121 month-ends ending with the last complete month, so that the same day
-- ten years before any day since then is covered.
CREATE FUNCTION headcount_cube_rebuild() RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  last_end date := (date_trunc('month', current_date) - interval '1 day')::date;
BEGIN
  -- Loaded without its primary key, which is built once afterwards (much faster than row by row).
  DELETE FROM headcount_cube_range;
  DROP TABLE headcount_month_ends;
  CREATE TABLE headcount_month_ends (
    org_unit_id integer NOT NULL,
    month_end date NOT NULL,
    rank_id integer NOT NULL,
    sex text NOT NULL,
    headcount integer NOT NULL
  );
  INSERT INTO headcount_cube_range (first_month_end, last_month_end)
  VALUES (month_end((date_trunc('month', last_end) - interval '120 months')::date), last_end);
  EXECUTE headcount_cube_statement(
    'SELECT u.path, s.rank_id, p.sex, s.valid_from, s.valid_to, 1
       FROM career_spells s
       JOIN persons p ON p.id = s.person_id
       JOIN org_units u ON u.id = s.org_unit_id', true);
  ALTER TABLE headcount_month_ends ADD PRIMARY KEY (org_unit_id, month_end, rank_id, sex);
END $$;

-- Adds the month-ends completed since the cube was last built (one pass over the spells each).
CREATE FUNCTION headcount_cube_extend() RETURNS integer
  LANGUAGE plpgsql
  AS $$
DECLARE
  last_end date := (date_trunc('month', current_date) - interval '1 day')::date;
  m date;
  added integer := 0;
BEGIN
  SELECT last_month_end INTO m FROM headcount_cube_range FOR UPDATE;
  IF m IS NULL THEN
    PERFORM headcount_cube_rebuild();
    RETURN 1;
  END IF;
  WHILE m < last_end LOOP
    m := month_end((m + 1)::date);
    INSERT INTO headcount_month_ends (org_unit_id, month_end, rank_id, sex, headcount)
    SELECT ancestor::integer, m, s.rank_id, p.sex, count(*)::integer
      FROM career_spells s
      JOIN persons p ON p.id = s.person_id
      JOIN org_units u ON u.id = s.org_unit_id,
           unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS ancestor
     WHERE s.valid_from <= m AND (s.valid_to IS NULL OR s.valid_to > m)
       AND ancestor::integer IN (SELECT id FROM org_units WHERE kind <> 'station')
     GROUP BY 1, 3, 4;
    UPDATE headcount_cube_range SET last_month_end = m;
    added := added + 1;
  END LOOP;
  RETURN added;
END $$;

CREATE FUNCTION headcount_cube_is_deferred() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('tandem.headcount_cube', true), '') = 'deferred' $$;

-- Transition tables are visible only to statements run by the trigger function itself, hence
-- EXECUTE of the shared statement here rather than a call to headcount_cube_apply.
CREATE FUNCTION headcount_cube_on_spells() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  spells_of constant text :=
    'SELECT u.path, s.rank_id, p.sex, s.valid_from, s.valid_to, %s
       FROM %I s JOIN persons p ON p.id = s.person_id JOIN org_units u ON u.id = s.org_unit_id';
BEGIN
  IF headcount_cube_is_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    EXECUTE headcount_cube_statement(format(spells_of, 1, 'new_spells'));
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE headcount_cube_statement(format(spells_of, -1, 'old_spells'));
  ELSE
    EXECUTE headcount_cube_statement(
      format(spells_of, -1, 'old_spells') || ' UNION ALL ' || format(spells_of, 1, 'new_spells'));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER headcount_cube_spells_insert AFTER INSERT ON career_spells
  REFERENCING NEW TABLE AS new_spells
  FOR EACH STATEMENT EXECUTE FUNCTION headcount_cube_on_spells();
CREATE TRIGGER headcount_cube_spells_delete AFTER DELETE ON career_spells
  REFERENCING OLD TABLE AS old_spells
  FOR EACH STATEMENT EXECUTE FUNCTION headcount_cube_on_spells();
CREATE TRIGGER headcount_cube_spells_update AFTER UPDATE ON career_spells
  REFERENCING OLD TABLE AS old_spells NEW TABLE AS new_spells
  FOR EACH STATEMENT EXECUTE FUNCTION headcount_cube_on_spells();

-- A corrected sex moves every spell of the person from one sex to the other.
CREATE FUNCTION headcount_cube_on_persons() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF headcount_cube_is_deferred() THEN RETURN NULL; END IF;
  EXECUTE headcount_cube_statement(
    'SELECT u.path, s.rank_id, o.sex, s.valid_from, s.valid_to, -1
       FROM old_persons o JOIN new_persons n ON n.id = o.id AND n.sex <> o.sex
       JOIN career_spells s ON s.person_id = o.id JOIN org_units u ON u.id = s.org_unit_id
     UNION ALL
     SELECT u.path, s.rank_id, n.sex, s.valid_from, s.valid_to, 1
       FROM old_persons o JOIN new_persons n ON n.id = o.id AND n.sex <> o.sex
       JOIN career_spells s ON s.person_id = o.id JOIN org_units u ON u.id = s.org_unit_id');
  RETURN NULL;
END $$;

CREATE TRIGGER headcount_cube_persons_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_persons NEW TABLE AS new_persons
  FOR EACH STATEMENT EXECUTE FUNCTION headcount_cube_on_persons();

-- A unit moved in the tree takes its spells out of its old ancestors and into its new ones; a unit
-- that becomes or stops being a station changes which subtrees the cube holds (rare: rebuilt).
CREATE FUNCTION headcount_cube_on_org_units() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF headcount_cube_is_deferred() THEN RETURN NULL; END IF;
  IF EXISTS (SELECT 1 FROM old_units o JOIN new_units n ON n.id = o.id
              WHERE (o.kind = 'station') <> (n.kind = 'station')) THEN
    PERFORM headcount_cube_rebuild();
    RETURN NULL;
  END IF;
  EXECUTE headcount_cube_statement(
    'SELECT o.path, s.rank_id, p.sex, s.valid_from, s.valid_to, -1
       FROM old_units o JOIN new_units n ON n.id = o.id AND n.path <> o.path
       JOIN career_spells s ON s.org_unit_id = o.id JOIN persons p ON p.id = s.person_id
     UNION ALL
     SELECT n.path, s.rank_id, p.sex, s.valid_from, s.valid_to, 1
       FROM old_units o JOIN new_units n ON n.id = o.id AND n.path <> o.path
       JOIN career_spells s ON s.org_unit_id = o.id JOIN persons p ON p.id = s.person_id');
  RETURN NULL;
END $$;

CREATE TRIGGER headcount_cube_org_units_update AFTER UPDATE ON org_units
  REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
  FOR EACH STATEMENT EXECUTE FUNCTION headcount_cube_on_org_units();

SELECT headcount_cube_rebuild();

-- Flow and post cubes (issue 6, decision 0015), beside the month-end headcount cube of 0007 and kept
-- exact by the same machinery: statement-level triggers with transition tables, the same deferral
-- (`tandem.headcount_cube = 'deferred'`), the same rebuild and extend functions, the same netting.
--
-- `flow_months`: hires, rank changes and separations by month × subtree root (every non-station
-- unit, today's tree) × rank × sex, read from the spells exactly as the indicators read them
-- (docs/indicators.md "Flows are read from the spells", so retracted events never count):
--   hire         a spell with no spell of the person ending the day it starts (rank entered);
--   separation   a spell with no spell of the person starting the day it ends (rank left);
--   rank_change  a spell following one of another rank without a gap: `rank_id` is the rank left,
--                `next_rank_id` the rank entered. A promotion is a rank change up the ordinals,
--                decided when read, so reordering the rank scheme needs no rebuild.
-- For hires and separations `next_rank_id` = `rank_id`. `month` is the first day of the month of
-- the event; every month of the history is held (flows are not carried forward).
--
-- `post_month_ends`: the headcount cube's twin for the two populations of INDICATORS.md §1.7 that
-- the dashboard asks for: persons in a leadership post (`career_spells.is_leadership`) and persons
-- in a specialised unit (anti-trafficking, family & GBV, border, investigation: the list of
-- SPECIALIST_UNIT_TYPES in indicators.repository.ts), same month-ends, subtrees and netting.
--
-- The headcount and post cubes now start on 31 December eleven years before the year of their last
-- month-end, so a ten-year yearly trend on any day since the start of the previous year is read
-- from month-ends only (a trend on the data's last month-end used to fall one year-end short).

CREATE TABLE flow_months (
  org_unit_id integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hire', 'separation', 'rank_change')),
  month date NOT NULL,
  rank_id integer NOT NULL,
  next_rank_id integer NOT NULL,
  sex text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (org_unit_id, kind, month, rank_id, next_rank_id, sex)
);

CREATE TABLE post_month_ends (
  org_unit_id integer NOT NULL,
  month_end date NOT NULL,
  post text NOT NULL CHECK (post IN ('leadership', 'specialist')),
  rank_id integer NOT NULL,
  sex text NOT NULL,
  headcount integer NOT NULL,
  PRIMARY KEY (post, org_unit_id, month_end, rank_id, sex)
);

-- The month-end statement of 0007 for either cube: `target` 'headcount_month_ends' reads
-- (path, rank_id, sex, valid_from, valid_to, sign) from `source`, 'post_month_ends' reads
-- (post, path, rank_id, sex, valid_from, valid_to, sign) and keeps `post` in the key.
CREATE FUNCTION month_end_cube_statement(target text, source text, into_empty boolean)
  RETURNS text
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
      SELECT %1$s path, rank_id, sex, sign, month_index(valid_from) AS a,
             CASE WHEN valid_to IS NOT NULL THEN month_index(valid_to) END AS b
        FROM (%2$s) AS src(%1$s path, rank_id, sex, valid_from, valid_to, sign)
    ),
    s AS (
      SELECT %1$s path, rank_id, sex, sign, greatest(a, r.lo) AS a, b
        FROM spells, r
       WHERE a <= r.hi AND (b IS NULL OR b > greatest(a, r.lo))
    ),
    points AS (
      SELECT %1$s path, rank_id, sex, a AS m, sum(sign) AS d FROM s
       GROUP BY %1$s path, rank_id, sex, a
      UNION ALL
      SELECT %1$s path, rank_id, sex, b, -sum(sign) FROM s, r WHERE b <= r.hi
       GROUP BY %1$s path, rank_id, sex, b
    ),
    changes AS (
      SELECT %1$s ancestor::integer AS org_unit_id, rank_id, sex, m, sum(d)::integer AS d
        FROM points, unnest(string_to_array(trim(BOTH '/' FROM path), '/')) AS ancestor
       WHERE ancestor::integer IN (SELECT id FROM org_units WHERE kind <> 'station')
       GROUP BY %1$s ancestor, rank_id, sex, m
      HAVING sum(d) <> 0
    ),
    combos AS (
      SELECT %1$s org_unit_id, rank_id, sex, min(m) AS first_m FROM changes
       GROUP BY %1$s org_unit_id, rank_id, sex
    ),
    grid AS (
      SELECT %1$s org_unit_id, rank_id, sex, x AS m, 0 AS d
        FROM combos c, r, generate_series(c.first_m, r.hi) AS x
      UNION ALL
      SELECT %1$s org_unit_id, rank_id, sex, m, d FROM changes
    ),
    carried AS (
      SELECT %1$s org_unit_id, rank_id, sex, months.month_end AS m,
             sum(sum(d)) OVER (PARTITION BY %1$s org_unit_id, rank_id, sex ORDER BY grid.m)::integer AS d
        FROM grid JOIN months ON months.mi = grid.m
       GROUP BY %1$s org_unit_id, rank_id, sex, grid.m, months.month_end
    )
    INSERT INTO %3$I AS h (%1$s org_unit_id, month_end, rank_id, sex, headcount)
    SELECT %1$s org_unit_id, m, rank_id, sex, d FROM carried WHERE d <> 0
    %4$s
  $q$,
    CASE WHEN target = 'post_month_ends' THEN 'post,' ELSE '' END,
    source,
    target,
    CASE WHEN into_empty THEN '' ELSE format(
      'ON CONFLICT (%s org_unit_id, month_end, rank_id, sex)
       DO UPDATE SET headcount = h.headcount + excluded.headcount',
      CASE WHEN target = 'post_month_ends' THEN 'post,' ELSE '' END) END) $fn$;

CREATE OR REPLACE FUNCTION headcount_cube_statement(source text, into_empty boolean DEFAULT false)
  RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT month_end_cube_statement('headcount_month_ends', source, into_empty) $$;

-- The post cube's rows of `spells`, a query yielding
-- (path, specialisation, is_leadership, rank_id, sex, valid_from, valid_to, sign).
CREATE FUNCTION post_cube_source(spells text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $fn$ SELECT format($q$
    SELECT 'leadership', path, rank_id, sex, valid_from, valid_to, sign
      FROM (%1$s) AS x(path, specialisation, is_leadership, rank_id, sex, valid_from, valid_to, sign)
     WHERE is_leadership
    UNION ALL
    SELECT 'specialist', path, rank_id, sex, valid_from, valid_to, sign
      FROM (%1$s) AS x(path, specialisation, is_leadership, rank_id, sex, valid_from, valid_to, sign)
     WHERE specialisation IN ('anti_trafficking', 'family_gbv', 'border', 'investigation')
  $q$, spells) $fn$;

CREATE FUNCTION post_cube_apply(spells text) RETURNS void
  LANGUAGE plpgsql
  AS $$ BEGIN
  EXECUTE month_end_cube_statement('post_month_ends', post_cube_source(spells), false);
END $$;

-- The statement that adds the flows of `source` to the flow cube. `source` yields
-- (sign, person_id, sex, path, rank_id, valid_from, valid_to): whole careers, each person's spells
-- in one state (sign −1: before a change, +1: after it), so the events are found within a state
-- and weighted by its sign; a change that leaves a person's events as they were nets out. A
-- person's spells never overlap (they are derived one after the other, one per start date), so
-- the spell ending the day a spell starts can only be the one before it.
CREATE FUNCTION flow_cube_statement(source text, into_empty boolean DEFAULT false) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $fn$ SELECT format($q$
    WITH ordered AS (
      SELECT sign, sex, path, rank_id, valid_from, valid_to,
             lag(valid_to) OVER w AS previous_to, lag(rank_id) OVER w AS previous_rank,
             lead(valid_from) OVER w AS next_from
        FROM (%s) AS src(sign, person_id, sex, path, rank_id, valid_from, valid_to)
      WINDOW w AS (PARTITION BY sign, person_id ORDER BY valid_from)
    ),
    events AS (
      SELECT 'hire' AS kind, valid_from AS d, rank_id, rank_id AS next_rank_id, sex, path, sign
        FROM ordered WHERE previous_to IS DISTINCT FROM valid_from
      UNION ALL
      SELECT 'rank_change', valid_from, previous_rank, rank_id, sex, path, sign
        FROM ordered WHERE previous_to = valid_from AND previous_rank <> rank_id
      UNION ALL
      SELECT 'separation', valid_to, rank_id, rank_id, sex, path, sign
        FROM ordered WHERE valid_to IS NOT NULL AND next_from IS DISTINCT FROM valid_to
    ),
    by_path AS (
      SELECT path, kind, date_trunc('month', d::timestamp)::date AS month, rank_id, next_rank_id,
             sex, sum(sign) AS n
        FROM events
       GROUP BY path, kind, 3, rank_id, next_rank_id, sex
    ),
    changes AS (
      SELECT ancestor::integer AS org_unit_id, kind, month, rank_id, next_rank_id, sex,
             sum(n)::integer AS n
        FROM by_path, unnest(string_to_array(trim(BOTH '/' FROM path), '/')) AS ancestor
       WHERE ancestor::integer IN (SELECT id FROM org_units WHERE kind <> 'station')
       GROUP BY ancestor, kind, month, rank_id, next_rank_id, sex
      HAVING sum(n) <> 0
    )
    INSERT INTO flow_months AS f (org_unit_id, kind, month, rank_id, next_rank_id, sex, n)
    SELECT org_unit_id, kind, month, rank_id, next_rank_id, sex, n FROM changes
    %s
  $q$, source, CASE WHEN into_empty THEN '' ELSE
    'ON CONFLICT (org_unit_id, kind, month, rank_id, next_rank_id, sex)
     DO UPDATE SET n = f.n + excluded.n' END) $fn$;

CREATE FUNCTION flow_cube_apply(source text) RETURNS void
  LANGUAGE plpgsql
  AS $$ BEGIN EXECUTE flow_cube_statement(source); END $$;

-- Every spell with what the cubes need of its person and unit.
CREATE VIEW cube_spells AS
  SELECT s.person_id, u.path, u.specialisation, s.is_leadership, s.rank_id, p.sex,
         s.valid_from, s.valid_to
    FROM career_spells s
    JOIN persons p ON p.id = s.person_id
    JOIN org_units u ON u.id = s.org_unit_id;

-- All three cubes from scratch. The month-ends run from 31 December eleven years before the last
-- complete month's year to that month (122 to 133 month-ends): every day since the start of the
-- previous year has its ten year-ends before it in the cube. The big tables are loaded without
-- their primary key, which is built once afterwards (much faster than row by row).
CREATE OR REPLACE FUNCTION headcount_cube_rebuild() RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  last_end date := (date_trunc('month', current_date) - interval '1 day')::date;
BEGIN
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
  VALUES (make_date(date_part('year', last_end)::integer - 11, 12, 31), last_end);
  EXECUTE headcount_cube_statement(
    'SELECT path, rank_id, sex, valid_from, valid_to, 1 FROM cube_spells', true);
  ALTER TABLE headcount_month_ends ADD PRIMARY KEY (org_unit_id, month_end, rank_id, sex);

  TRUNCATE post_month_ends;
  EXECUTE month_end_cube_statement('post_month_ends', post_cube_source(
    'SELECT path, specialisation, is_leadership, rank_id, sex, valid_from, valid_to, 1
       FROM cube_spells'), true);

  DROP TABLE flow_months;
  CREATE TABLE flow_months (
    org_unit_id integer NOT NULL,
    kind text NOT NULL CHECK (kind IN ('hire', 'separation', 'rank_change')),
    month date NOT NULL,
    rank_id integer NOT NULL,
    next_rank_id integer NOT NULL,
    sex text NOT NULL,
    n integer NOT NULL
  );
  EXECUTE flow_cube_statement(
    'SELECT 1, person_id, sex, path, rank_id, valid_from, valid_to FROM cube_spells', true);
  ALTER TABLE flow_months ADD PRIMARY KEY (org_unit_id, kind, month, rank_id, next_rank_id, sex);
END $$;

-- Adds the month-ends completed since the cubes were last built (one pass over the spells each);
-- the flow cube holds every month already.
CREATE OR REPLACE FUNCTION headcount_cube_extend() RETURNS integer
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
    SELECT ancestor::integer, m, s.rank_id, s.sex, count(*)::integer
      FROM cube_spells s, unnest(string_to_array(trim(BOTH '/' FROM s.path), '/')) AS ancestor
     WHERE s.valid_from <= m AND (s.valid_to IS NULL OR s.valid_to > m)
       AND ancestor::integer IN (SELECT id FROM org_units WHERE kind <> 'station')
     GROUP BY 1, 3, 4;
    INSERT INTO post_month_ends (post, org_unit_id, month_end, rank_id, sex, headcount)
    SELECT x.post, ancestor::integer, m, x.rank_id, x.sex, count(*)::integer
      FROM (
        SELECT 'leadership' AS post, path, rank_id, sex FROM cube_spells
         WHERE is_leadership AND valid_from <= m AND (valid_to IS NULL OR valid_to > m)
        UNION ALL
        SELECT 'specialist', path, rank_id, sex FROM cube_spells
         WHERE specialisation IN ('anti_trafficking', 'family_gbv', 'border', 'investigation')
           AND valid_from <= m AND (valid_to IS NULL OR valid_to > m)
      ) x, unnest(string_to_array(trim(BOTH '/' FROM x.path), '/')) AS ancestor
     WHERE ancestor::integer IN (SELECT id FROM org_units WHERE kind <> 'station')
     GROUP BY 1, 2, 4, 5;
    UPDATE headcount_cube_range SET last_month_end = m;
    added := added + 1;
  END LOOP;
  RETURN added;
END $$;

-- Spells written: the post cube takes the changed rows (−old, +new); the flow cube takes the whole
-- careers of the persons touched, before (the table now, less the new rows, plus the old) and after.
CREATE FUNCTION flow_post_cubes_on_spells() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  rows_of constant text :=
    'SELECT u.path, u.specialisation, s.is_leadership, s.rank_id, p.sex, s.valid_from, s.valid_to, %s
       FROM %I s JOIN persons p ON p.id = s.person_id JOIN org_units u ON u.id = s.org_unit_id';
  raw constant text := 'person_id, rank_id, org_unit_id, valid_from, valid_to';
  touched text;
  before text;
  careers constant text :=
    'SELECT %s, s.person_id, p.sex, u.path, s.rank_id, s.valid_from, s.valid_to
       FROM (%s) s JOIN persons p ON p.id = s.person_id JOIN org_units u ON u.id = s.org_unit_id';
BEGIN
  IF headcount_cube_is_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    EXECUTE month_end_cube_statement('post_month_ends',
      post_cube_source(format(rows_of, 1, 'new_spells')), false);
    touched := 'SELECT person_id FROM new_spells';
    before := format('(SELECT %1$s FROM career_spells WHERE person_id IN (%2$s)
                       EXCEPT ALL SELECT %1$s FROM new_spells)', raw, touched);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE month_end_cube_statement('post_month_ends',
      post_cube_source(format(rows_of, -1, 'old_spells')), false);
    touched := 'SELECT person_id FROM old_spells';
    before := format('SELECT %1$s FROM career_spells WHERE person_id IN (%2$s)
                      UNION ALL SELECT %1$s FROM old_spells', raw, touched);
  ELSE
    EXECUTE month_end_cube_statement('post_month_ends', post_cube_source(
      format(rows_of, -1, 'old_spells') || ' UNION ALL ' || format(rows_of, 1, 'new_spells')),
      false);
    touched := 'SELECT person_id FROM old_spells UNION SELECT person_id FROM new_spells';
    before := format('(SELECT %1$s FROM career_spells WHERE person_id IN (%2$s)
                       EXCEPT ALL SELECT %1$s FROM new_spells)
                      UNION ALL SELECT %1$s FROM old_spells', raw, touched);
  END IF;
  EXECUTE flow_cube_statement(
    format(careers, -1, before) || ' UNION ALL ' ||
    format(careers, 1, format('SELECT %s FROM career_spells WHERE person_id IN (%s)', raw, touched)));
  RETURN NULL;
END $$;

CREATE TRIGGER flow_post_cubes_spells_insert AFTER INSERT ON career_spells
  REFERENCING NEW TABLE AS new_spells
  FOR EACH STATEMENT EXECUTE FUNCTION flow_post_cubes_on_spells();
CREATE TRIGGER flow_post_cubes_spells_delete AFTER DELETE ON career_spells
  REFERENCING OLD TABLE AS old_spells
  FOR EACH STATEMENT EXECUTE FUNCTION flow_post_cubes_on_spells();
CREATE TRIGGER flow_post_cubes_spells_update AFTER UPDATE ON career_spells
  REFERENCING OLD TABLE AS old_spells NEW TABLE AS new_spells
  FOR EACH STATEMENT EXECUTE FUNCTION flow_post_cubes_on_spells();

-- A corrected sex moves the person's posts and flows from one sex to the other.
CREATE FUNCTION flow_post_cubes_on_persons() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  changed constant text :=
    'FROM old_persons o JOIN new_persons n ON n.id = o.id AND n.sex <> o.sex
     JOIN career_spells s ON s.person_id = o.id JOIN org_units u ON u.id = s.org_unit_id';
BEGIN
  IF headcount_cube_is_deferred() THEN RETURN NULL; END IF;
  EXECUTE month_end_cube_statement('post_month_ends', post_cube_source(
    'SELECT u.path, u.specialisation, s.is_leadership, s.rank_id, o.sex, s.valid_from, s.valid_to, -1 '
    || changed || ' UNION ALL ' ||
    'SELECT u.path, u.specialisation, s.is_leadership, s.rank_id, n.sex, s.valid_from, s.valid_to, 1 '
    || changed), false);
  EXECUTE flow_cube_statement(
    'SELECT -1, s.person_id, o.sex, u.path, s.rank_id, s.valid_from, s.valid_to ' || changed ||
    ' UNION ALL SELECT 1, s.person_id, n.sex, u.path, s.rank_id, s.valid_from, s.valid_to ' || changed);
  RETURN NULL;
END $$;

CREATE TRIGGER flow_post_cubes_persons_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_persons NEW TABLE AS new_persons
  FOR EACH STATEMENT EXECUTE FUNCTION flow_post_cubes_on_persons();

-- A unit moved in the tree takes its posts and flows out of its old ancestors and into its new
-- ones; a changed specialisation moves its posts in or out of the specialist cube. A unit that
-- becomes or stops being a station is handled by 0007's trigger, which rebuilds all the cubes.
CREATE FUNCTION flow_post_cubes_on_org_units() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  changed constant text :=
    'FROM old_units o JOIN new_units n ON n.id = o.id
       AND (n.path, n.specialisation) IS DISTINCT FROM (o.path, o.specialisation)
     JOIN career_spells s ON s.org_unit_id = o.id JOIN persons p ON p.id = s.person_id';
  careers constant text :=
    'SELECT %s, s.person_id, p.sex, coalesce(%s, u.path), s.rank_id, s.valid_from, s.valid_to
       FROM career_spells s JOIN persons p ON p.id = s.person_id
       JOIN org_units u ON u.id = s.org_unit_id
       LEFT JOIN (old_units o JOIN new_units n ON n.id = o.id AND n.path <> o.path)
         ON o.id = s.org_unit_id
      WHERE s.person_id IN (SELECT s2.person_id FROM career_spells s2
                              JOIN old_units o2 ON o2.id = s2.org_unit_id
                              JOIN new_units n2 ON n2.id = o2.id AND n2.path <> o2.path)';
BEGIN
  IF headcount_cube_is_deferred() THEN RETURN NULL; END IF;
  IF EXISTS (SELECT 1 FROM old_units o JOIN new_units n ON n.id = o.id
              WHERE (o.kind = 'station') <> (n.kind = 'station')) THEN
    RETURN NULL;
  END IF;
  EXECUTE month_end_cube_statement('post_month_ends', post_cube_source(
    'SELECT o.path, o.specialisation, s.is_leadership, s.rank_id, p.sex, s.valid_from, s.valid_to, -1 '
    || changed || ' UNION ALL ' ||
    'SELECT n.path, n.specialisation, s.is_leadership, s.rank_id, p.sex, s.valid_from, s.valid_to, 1 '
    || changed), false);
  EXECUTE flow_cube_statement(
    format(careers, -1, 'o.path') || ' UNION ALL ' || format(careers, 1, 'n.path'));
  RETURN NULL;
END $$;

CREATE TRIGGER flow_post_cubes_org_units_update AFTER UPDATE ON org_units
  REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
  FOR EACH STATEMENT EXECUTE FUNCTION flow_post_cubes_on_org_units();

-- The cube statements are planned over transition tables, which have no statistics: PostgreSQL's
-- estimate of a few rows' change then passes jit_above_cost, and compiling each statement took
-- seconds per written row in the tests (PGlite has no JIT). The writers run without it.
ALTER FUNCTION headcount_cube_on_spells() SET jit = off;
ALTER FUNCTION headcount_cube_on_persons() SET jit = off;
ALTER FUNCTION headcount_cube_on_org_units() SET jit = off;
ALTER FUNCTION headcount_cube_apply(text) SET jit = off;
ALTER FUNCTION post_cube_apply(text) SET jit = off;
ALTER FUNCTION flow_cube_apply(text) SET jit = off;
ALTER FUNCTION flow_post_cubes_on_spells() SET jit = off;
ALTER FUNCTION flow_post_cubes_on_persons() SET jit = off;
ALTER FUNCTION flow_post_cubes_on_org_units() SET jit = off;

SELECT headcount_cube_rebuild();

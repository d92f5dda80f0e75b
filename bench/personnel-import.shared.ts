/** The snapshot file's columns, named as the register fields so the mapping is the identity. */
export const SNAPSHOT_HEADER = "service_number,sex,birth_year,rank,unit,role,hire_date";
export const AS_OF = "2026-10-31";

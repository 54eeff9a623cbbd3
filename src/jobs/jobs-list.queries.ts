/**
 * GET /v1/jobs, newest first: one statement per filter, each on an index in its order (a catch-all
 * `(? IS NULL OR status = ?)` let SQLite walk `jobs_tenant` and test every job's status). The plans
 * are asserted in test/catalog/list-plans.test.ts.
 */

/** Above every job id (`job_` + a ULID): the first page's "before". */
export const BEFORE_ANY_JOB = '\u{10FFFF}';

/** ?1 tenant, ?2 before this id, ?3 limit (rows: JobRow). Index jobs_tenant. */
export const SELECT_JOBS_PAGE = 'SELECT * FROM jobs WHERE tenant_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3';

/** ?1 tenant, ?2 status, ?3 before this id, ?4 limit (rows: JobRow). Index jobs_tenant_status. */
export const SELECT_JOBS_PAGE_BY_STATUS = 'SELECT * FROM jobs WHERE tenant_id = ?1 AND status = ?2 AND id < ?3 ORDER BY id DESC LIMIT ?4';

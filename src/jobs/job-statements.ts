/**
 * The jobs module's statements that other modules put inside their own D1 batch, so a job row and
 * the change it describes commit together (DESIGN "Jobs"): creating a job, finishing a write's job,
 * and finishing the jobs whose image work ended. The SQL lives in jobs.queries.ts; this is the door.
 */
export { EMIT_JOBS_COMPLETED, FINISH_JOBS_OF_CLOSED_ROUNDS, FINISH_WRITE_JOB, INSERT_JOB, INSERT_JOB_COMPLETED } from './jobs.queries';

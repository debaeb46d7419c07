-- The daily import becomes an Axon saga whose ticks are Axon deadlines: Axon's DbSchedulerDeadlineManager keeps
-- each deadline as a row of scheduled_tasks (task 'AxonDeadline'), in place of db-scheduler's recurring task
-- 'daily-import', which goes. The saga schedules its first tick when the schedule is switched on.
DELETE FROM scheduled_tasks WHERE task_name = 'daily-import';

-- A tick of the saga's can still run twice (its node died after the step committed but before db-scheduler noted the
-- deadline done), so the tick ledger stays; it also notes what each tick did, for GET /api/schedule's last run.
ALTER TABLE import_ledger_tick ADD COLUMN action VARCHAR(32);
ALTER TABLE import_ledger_tick ADD COLUMN year INTEGER;

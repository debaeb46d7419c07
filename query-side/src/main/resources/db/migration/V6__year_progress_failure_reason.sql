-- Why a year's import failed, for the people who have to act on it.
ALTER TABLE year_progress ADD COLUMN failure_reason TEXT;

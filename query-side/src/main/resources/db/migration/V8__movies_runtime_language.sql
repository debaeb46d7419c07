-- Two more columns extracted from the stored TMDb record. Rows imported before this migration have them
-- null until the movies projection is replayed (POST /api/admin/projections/movies/replay), which fills
-- them from the events without asking TMDb anything.
ALTER TABLE movies ADD COLUMN runtime INTEGER;
ALTER TABLE movies ADD COLUMN original_language VARCHAR(16);

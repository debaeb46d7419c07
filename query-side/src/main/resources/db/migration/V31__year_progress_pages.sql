-- A page event can reach the year-progress projection twice (a pooled processor's segment that gets an event again
-- once a gap of the store's global index fills, a node killed between batches). pages_done counted each one, so a
-- year could show 51 of 50 pages. The projection now records each first-pass page of a year's run here and counts
-- a page only when this row is new. Not filled from year_progress, which has only counts: a year under way while
-- this runs is guarded from its next page on; a replay of year-progress fills it for every year.
CREATE TABLE year_progress_page (
    year        INTEGER NOT NULL,
    window_from DATE    NOT NULL,
    window_to   DATE    NOT NULL,
    page        INTEGER NOT NULL,
    PRIMARY KEY (year, window_from, window_to, page)
);

COMMENT ON TABLE year_progress_page IS
    'kind: projection | owner: query-side progress (projection year-progress) | comes back: replay of year-progress | The first-pass pages counted in each year''s progress, each once.';

-- A rebuild of year-progress under way while this runs finds no copy of this table and starts over: its copies
-- cannot say which of their pages were counted.

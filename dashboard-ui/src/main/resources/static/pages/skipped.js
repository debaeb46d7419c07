// Skipped: the movies the quality filter left out, filtered by year, criterion and title.
import { get } from '../lib/api.js';
import { choiceField, filteredTable, titleField, yearField } from '../lib/filters.js';
import { $, cells, el, plural, show, table, when } from '../lib/render.js';

const skipped = filteredTable('skipped', (words) => [yearField(),
    choiceField('criterion', 'Criterion failed', words.criteria), titleField()], render);

export async function render() {
    const page = await get('/api/import/skipped?' + await skipped.query());
    $('skipped-table').replaceChildren(table(plural(page.total, 'skipped movie', 'skipped movies'),
        ['TMDb id', 'Title', 'Year', 'Criteria failed', 'Skipped'],
        page.items.map((item) => el('tr', {}, cells([String(item.tmdbId), show(item.title), show(item.year),
            item.criteriaFailed.join(', '), when(item.skippedAt)], [0]))), 'skipped-rows'));
    skipped.pager.show(page.total, render);
}

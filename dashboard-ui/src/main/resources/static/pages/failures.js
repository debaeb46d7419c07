// Failures: what could not be imported or matched, filtered by year, source, reason and title; each retried.
import { get, post } from '../lib/api.js';
import { choiceField, filteredTable, suggestedField, titleField, yearField } from '../lib/filters.js';
import { $, cells, el, plural, rowButton, show, table, when } from '../lib/render.js';
import { act } from '../lib/session.js';

const retryAll = el('button', { type: 'button', id: 'retry-all', className: 'admin', onclick: retryEvery },
    'Retry all failures of this source');
const failures = filteredTable('failures', (words) => [yearField(),
    suggestedField('source', 'Source', words.sources, [...words.sources, 'list:{key}'].join(', ')),
    choiceField('reason', 'Reason', words.failureReasons), titleField()], render, retryAll);

async function source() {
    return (await failures.form()).elements.source.value.trim();
}

async function retryEvery() {
    const chosen = await source();
    act(retryAll, () => post('/api/admin/failures/retry' + (chosen ? '?source=' + encodeURIComponent(chosen) : '')),
        (answer) => 'Retrying ' + answer.ceremonies + ' ceremonies, ' + answer.movies + ' movies, '
            + answer.nominations + ' nominations and ' + answer.listMembers + ' list members'
            + (chosen ? ' of ' + chosen : '') + '.');
}

function row(item) {
    const title = item.title || (item.tmdbId ? 'TMDb ' + item.tmdbId : item.imdbId) || 'untitled';
    const retry = rowButton('Retry', 'Retry ' + title, (button) => act(button, () => post('/api/admin/failures/retry?'
        + new URLSearchParams({ source: item.source, subject: item.subject })),
    () => 'Retrying ' + title + ' (' + item.source + ').'));
    return el('tr', {}, cells([title, show(item.year), item.source, item.reason, String(item.retryCount),
        when(item.lastAttemptAt), el('span', { className: 'detail' }, show(item.detail)), retry], [4]));
}

export async function render() {
    const page = await get('/api/import/failures?' + await failures.query());
    const columns = ['Title', 'Year', 'Source', 'Reason', 'Retries', 'Last attempt', 'What went wrong',
        el('span', { className: 'visually-hidden' }, 'Action')];
    $('failures-table').replaceChildren(table(plural(page.total, 'failure', 'failures'), columns,
        page.items.map(row), 'failures-rows'));
    failures.pager.show(page.total, render);
    const chosen = await source();
    retryAll.textContent = chosen ? 'Retry all failures of ' + chosen : 'Retry every failure';
}

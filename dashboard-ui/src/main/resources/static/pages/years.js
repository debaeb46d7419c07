// Years: the year being imported, every year's counts, and charts of the import's and TMDb's activity.
import { get } from '../lib/api.js';
import { barChart, total } from '../lib/chart.js';
import { $, cells, el, number, plural, redraw, status, table, when } from '../lib/render.js';

/**
 * The share of TMDb's total for the year that has an outcome (imported, skipped or failed), rounded down to a tenth
 * of a percent, so that 100.0 % means every movie TMDb counts for the year; a dash while TMDb's total is not known.
 */
export function yearShare(year) {
    if (!year.tmdbTotal) {
        return '–';
    }
    const done = year.imported + year.skipped + year.failed;
    return (Math.floor(done * 1000 / year.tmdbTotal) / 10).toFixed(1) + ' %';
}

function yearCard(year) {
    const done = year.imported + year.skipped + year.failed;
    const discovered = Math.max(year.discovered, done);
    return el('div', { className: 'year-card' },
        el('h3', {}, String(year.year), ' ', status(year.status)),
        el('div', { className: 'bars' },
            el('label', { for: 'movies-' + year.year }, 'Movies'),
            el('progress', { id: 'movies-' + year.year, max: Math.max(1, discovered), value: done }),
            el('span', {}, number(done) + ' of ' + number(year.discovered) + ' discovered'),
            el('label', { for: 'pages-' + year.year }, 'Pages'),
            el('progress', { id: 'pages-' + year.year, max: Math.max(1, year.pagesTotal || 0), value: year.pagesDone || 0 }),
            el('span', {}, number(year.pagesDone) + ' of ' + number(year.pagesTotal))),
        el('ul', { className: 'counts' },
            el('li', {}, 'TMDb total: ', number(year.tmdbTotal)),
            el('li', {}, 'Share of TMDb total: ', yearShare(year)),
            el('li', {}, 'Imported: ', number(year.imported)),
            el('li', {}, 'Skipped: ', number(year.skipped)),
            el('li', {}, 'Failed: ', number(year.failed)),
            el('li', {}, 'Started: ', when(year.startedAt)),
            el('li', {}, 'Last progress: ', when(year.lastProgressAt))),
        year.failureReason ? el('p', { className: 'error-text' }, year.failureReason) : null);
}

/** A card for each year being imported (or stalled, or failed), from the answer of /api/import/years. */
export function currentYears(view) {
    const running = view.years.filter((year) => ['importing', 'stalled', 'failed'].includes(year.status));
    return running.length ? running.map(yearCard) : [el('p', {}, 'No year is being imported now.')];
}

function row(year) {
    return el('tr', { className: year.status }, cells([String(year.year), status(year.status), number(year.tmdbTotal),
        yearShare(year), number(year.discovered), number(year.imported), number(year.skipped), number(year.failed),
        number(year.pagesDone) + ' / ' + number(year.pagesTotal), when(year.startedAt), when(year.completedAt)],
    [2, 3, 4, 5, 6, 7, 8]));
}

function drawCharts(hours, activity, tmdb) {
    const last = 'In the last ' + plural(hours, 'hour', 'hours');
    const bucket = activity.bucketSeconds === 60 ? 'minute' : (activity.bucketSeconds / 60) + ' minutes';
    document.querySelectorAll('.chart-bucket').forEach((span) => { span.textContent = bucket; });
    const recorded = total(activity.buckets, 'imported') + total(activity.buckets, 'skipped');
    barChart($('rate-chart'), activity.buckets, [['imported', 'imported', 'Imported'], ['skipped', 'skipped', 'Skipped'],
        ['failed', 'failed', 'Failed']], last + ': ' + number(total(activity.buckets, 'imported'))
        + ' movies imported, ' + number(total(activity.buckets, 'skipped')) + ' skipped, '
        + number(total(activity.buckets, 'failed')) + ' failed; ' + number(Math.round(recorded / (hours * 60)))
        + ' per minute on average.');
    $('rate-chart').dataset.recorded = String(recorded);
    if (tmdb) {
        barChart($('tmdb-chart'), tmdb.buckets,
            [['requests', 'requests', 'Requests'], ['rateLimited', 'rate-limited', '429 answers']],
            last + ' this node sent ' + number(total(tmdb.buckets, 'requests'))
            + ' requests to TMDb; ' + number(total(tmdb.buckets, 'rateLimited')) + ' were answered 429.');
    } else {
        $('tmdb-chart').replaceChildren(el('p', {}, 'This node does not import, so it sends TMDb nothing.'));
    }
}

/** The years an admin put first that are still waiting, from /api/schedule (none on a node that does not import). */
function showPriority(schedule) {
    const years = schedule ? schedule.priorityYears : [];
    $('priority-years').hidden = years.length === 0;
    $('priority-years').textContent = 'Imported first, in this order: ' + years.join(', ') + '.';
}

export async function render() {
    const hours = Number($('chart-hours').value);
    const [years, activity, tmdb, schedule] = await Promise.all([get('/api/import/years'),
        get('/api/import/activity?hours=' + hours), get('/api/tmdb/activity?hours=' + hours).catch(() => null),
        get('/api/schedule').catch(() => null)]);
    showPriority(schedule);
    $('current-year').replaceChildren(...currentYears(years));
    drawCharts(hours, activity, tmdb);
    const columns = ['Year', 'Status', 'TMDb total', 'Share of it', 'Discovered', 'Imported', 'Skipped', 'Failed', 'Pages',
        'Started', 'Completed'];
    $('years-table').replaceChildren(table('Every year started or next, newest first', columns,
        years.years.map(row), 'years-rows'));
}

export function wire() {
    $('chart-hours').addEventListener('change', redraw);
}

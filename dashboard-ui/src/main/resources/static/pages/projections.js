// Tables: every table of the application, by kind, each with its rebuild; and each projection, where it stands, its
// dead letters and its replays.
import { credentials, get, post } from '../lib/api.js';
import { $, cells, el, number, plural, rowButton, status, table, when } from '../lib/render.js';
import { act } from '../lib/session.js';

const path = (projection) => '/api/admin/projections/' + encodeURIComponent(projection.name);

/** The kinds of table in the order the page groups them, each with what it is and how it comes back. */
const KINDS = [
    ['event store', 'The event store: every event recorded, the only truth. Nothing rebuilds it: a backup does.'],
    ['derived', 'The importer\'s own records of what it did, rebuilt from the events that wrote them.'],
    ['projection', 'What the dashboard and the API read, rebuilt by a replay of the projection that owns them.'],
    ['coordination', 'Positions, claims, schedules and parked events, recreated empty when they are lost.']];

function replayButton(projection) {
    return rowButton('Replay', 'Replay ' + projection.name, (button) => act(button,
        () => post(path(projection) + '/replay'), () => 'Replaying ' + projection.name + '.'), projection.replaying);
}

/** Events it could not apply, parked until their cause is fixed; a retry applies them in order. */
function deadLetters(projection) {
    const parked = number(projection.deadLetters);
    if (!(projection.deadLetters > 0)) {
        return parked;
    }
    const retry = rowButton('Retry', 'Retry the dead letters of ' + projection.name, (button) => act(button,
        () => post(path(projection) + '/dead-letters/retry'), (answer) => projection.name + ': '
            + plural(answer.processed, 'dead letter', 'dead letters') + ' applied, ' + number(answer.left) + ' left'
            + (answer.failure ? ' (' + answer.failure + ')' : '') + '.'), projection.replaying);
    return el('span', {}, el('span', { className: 'error-text' }, parked), ' ', retry);
}

function lastReplay(projection) {
    const rebuild = projection.rebuild;
    return rebuild === null ? 'never' : el('span', {}, status(rebuild.state), ' ',
        rebuild.state === 'rebuilding' || rebuild.state === 'requested'
            ? el('progress', { max: 1, value: rebuild.progress || 0, 'aria-label': 'Replay of ' + projection.name })
            : null,
        ' ' + Math.round((rebuild.progress || 0) * 100) + ' %',
        rebuild.completedAt ? ', ' + when(rebuild.completedAt) : '',
        rebuild.failure ? el('span', { className: 'error-text' }, ' ' + rebuild.failure) : null);
}

function projectionRow(projection) {
    const state = projection.error ? 'failed' : projection.replaying ? 'rebuilding'
        : projection.caughtUp ? 'caught up' : 'catching up';
    return el('tr', { className: projection.error || projection.deadLetters > 0 ? 'failed' : null,
        'data-projection': projection.name },
        cells([projection.name, el('span', { className: 'status' }, state), number(projection.position),
            number(projection.head), number(projection.lag), deadLetters(projection),
            lastReplay(projection), replayButton(projection)], [2, 3, 4, 5]));
}

/** Its rows, counted, or PostgreSQL's estimate (≈) for a large table; none while it is missing or being rebuilt. */
function rows(table) {
    return table.rowsEstimated
        ? el('span', { title: 'PostgreSQL\'s estimate: the table is too large to count at every refresh' },
            '≈ ' + number(table.rows))
        : number(table.rows);
}

/**
 * The last time it was brought back: a projection table's is its projection's last replay; a derived table's the
 * last rebuild this node ran, with the rows it wrote or why it failed.
 */
function lastRebuild(table, projections) {
    const projection = projections.find((candidate) => candidate.name === table.projection);
    if (projection) {
        return lastReplay(projection);
    }
    const rebuild = table.lastRebuild;
    if (!rebuild) {
        return table.kind === 'derived' ? 'none since this node started' : '–';
    }
    return rebuild.failure
        ? el('span', {}, status('failed'), ' ' + when(rebuild.completedAt) + ' ',
            el('span', { className: 'error-text' }, rebuild.failure))
        : el('span', {}, status('completed'), ' ' + when(rebuild.completedAt) + ', '
            + plural(rebuild.rows, 'row', 'rows'));
}

/**
 * Its Rebuild button, which brings it back as its kind says; none for the event store. A coordination table is only
 * recreated when it is missing (it would come back empty), so its button waits for that.
 */
function rebuildButton(table) {
    if (table.kind === 'event store') {
        return null;
    }
    const idle = table.kind === 'coordination' && table.state !== 'missing';
    const button = rowButton('Rebuild', 'Rebuild table ' + table.name, (pressed) => act(pressed,
        () => post('/api/admin/tables/' + encodeURIComponent(table.name) + '/rebuild'),
        (answer) => 'Table ' + answer.name + ': bringing it back (' + answer.comesBack + ').'),
    table.state === 'rebuilding' || idle);
    if (idle) {
        button.title = 'Only once it is missing: it comes back empty.';
    }
    return button;
}

function tableRow(table, projections) {
    return el('tr', { className: table.state === 'missing' ? 'failed' : null, 'data-table': table.name },
        cells([el('span', {}, table.name, el('span', { className: 'detail block' }, table.holds)), table.kind,
            table.owner, rows(table), status(table.state), el('span', { className: 'detail' }, table.comesBack),
            lastRebuild(table, projections), rebuildButton(table)], [3]));
}

/** The tables grouped by kind, each group headed by what its tables are; a table of a kind unknown here comes last. */
function groupedRows(tables, projections) {
    const order = KINDS.map(([kind]) => kind);
    const rank = (table) => (order.includes(table.kind) ? order.indexOf(table.kind) : order.length);
    const sorted = [...tables].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
    const described = Object.fromEntries(KINDS);
    return sorted.flatMap((table, index) => {
        const row = tableRow(table, projections);
        if (index > 0 && sorted[index - 1].kind === table.kind) {
            return [row];
        }
        const heading = el('tr', { className: 'group' }, el('th', { scope: 'rowgroup', colspan: 8 },
            described[table.kind] || 'Kind ' + table.kind + '.'));
        return [heading, row];
    });
}

function drawTables(tables, projections) {
    if (tables === null) {
        $('tables-table').replaceChildren(); // signed out: the sign-in hint stands in for them
        return;
    }
    const missing = tables.filter((table) => table.state === 'missing').map((table) => table.name);
    const columns = ['Table', 'Kind', 'Owner', 'Rows', 'State', 'How it comes back', 'Last rebuild',
        el('span', { className: 'visually-hidden' }, 'Action')];
    $('tables-table').replaceChildren(table(plural(tables.length, 'table', 'tables') + ' by kind; '
        + (missing.length ? 'missing: ' + missing.join(', ') : 'none missing'), columns,
    groupedRows(tables, projections), 'tables-rows'));
}

/** Every table, for the admin only: none when this tab is not signed in (or its credentials were refused). */
async function everyTable() {
    if (!credentials()) {
        return null;
    }
    try {
        return await get('/api/admin/tables');
    } catch (error) {
        if (error.status === 401) {
            return null;
        }
        throw error;
    }
}

export async function render() {
    const [projections, tables] = await Promise.all([get('/api/projections'), everyTable()]);
    const columns = ['Projection', 'State', 'Position', 'Head', 'Lag', 'Dead letters', 'Last replay',
        el('span', { className: 'visually-hidden' }, 'Action')];
    $('projections-table').replaceChildren(table('Projections and where they stand', columns,
        projections.map(projectionRow), 'projections-rows'));
    drawTables(tables, projections);
}

export function wire() {
    $('replay-all').addEventListener('click', (event) => act(event.target, () => post('/api/admin/projections/replay'),
        () => 'Replaying every projection.'));
}

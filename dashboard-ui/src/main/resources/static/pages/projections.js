// Projections: where each stands, its dead letters, and its replays.
import { get, post } from '../lib/api.js';
import { $, cells, el, number, plural, rowButton, status, table, when } from '../lib/render.js';
import { act } from '../lib/session.js';

const path = (projection) => '/api/admin/projections/' + encodeURIComponent(projection.name);

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

function row(projection) {
    const state = projection.error ? 'failed' : projection.replaying ? 'rebuilding'
        : projection.caughtUp ? 'caught up' : 'catching up';
    return el('tr', { className: projection.error || projection.deadLetters > 0 ? 'failed' : null,
        'data-projection': projection.name },
        cells([projection.name, el('span', { className: 'status' }, state), number(projection.position),
            number(projection.head), number(projection.lag), deadLetters(projection),
            lastReplay(projection), replayButton(projection)], [2, 3, 4, 5]));
}

export async function render() {
    const projections = await get('/api/projections');
    const columns = ['Projection', 'State', 'Position', 'Head', 'Lag', 'Dead letters', 'Last replay',
        el('span', { className: 'visually-hidden' }, 'Action')];
    $('projections-table').replaceChildren(table('Projections and where they stand', columns,
        projections.map(row), 'projections-rows'));
}

export function wire() {
    $('replay-all').addEventListener('click', (event) => act(event.target, () => post('/api/admin/projections/replay'),
        () => 'Replaying every projection.'));
}

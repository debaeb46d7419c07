// Actions: the admin's forms and buttons; each answer is said in the notice, and some lead to the page they changed.
import { post } from '../lib/api.js';
import { $, number } from '../lib/render.js';
import { act } from '../lib/session.js';

/** Runs `action(fields)` with the form's fields as they were submitted (a field's name to its value). */
function onSubmit(id, action, describe) {
    $(id).addEventListener('submit', (event) => {
        event.preventDefault();
        const fields = Object.fromEntries(new FormData(event.target));
        act(event.submitter, () => action(fields), describe);
    });
}

function onClick(id, action, describe) {
    $(id).addEventListener('click', (event) => act(event.target, action, describe));
}

/**
 * The years typed, separated by commas or spaces: numbers where they are integers, else as typed, for the server to
 * say what is wrong with them.
 */
function typedYears(text) {
    return text.split(/[\s,]+/).filter((year) => year !== '')
        .map((year) => (/^-?\d+$/.test(year) ? Number(year) : year));
}

function prioritized(answer) {
    location.hash = '#/years';
    const unchanged = answer.changed ? '' : ' (unchanged)';
    return answer.priorityYears.length
        ? 'Imported first, in this order: ' + answer.priorityYears.join(', ') + unchanged + '.'
        : 'No year goes first' + unchanged + ': the daily run takes the newest year not imported.';
}

const prioritize = (years) => post('/api/admin/imports/priority', JSON.stringify({ years }), 'application/json');

export function wire() {
    onSubmit('import-year-form', (fields) => post('/api/admin/imports/years/' + encodeURIComponent(fields.year)),
        (answer) => {
            location.hash = '#/years';
            return 'Year ' + answer.year + ': ' + answer.action.replace('_', ' ') + '.';
        });
    onClick('import-next', () => post('/api/admin/imports/next'),
        (answer) => 'Daily run: ' + answer.action.replace('_', ' ') + (answer.year ? ' ' + answer.year : '') + '.');
    onSubmit('priority-form', (fields) => prioritize(typedYears(fields.years)), prioritized);
    onClick('priority-clear', () => prioritize([]), prioritized);
    onClick('refresh-total', () => post('/api/admin/tmdb-total/refresh'),
        (answer) => 'TMDb lists ' + number(answer.tmdbTotalMovies) + ' movies.');
    onClick('sync-changes', () => post('/api/admin/sync/changes'),
        () => 'Delta sync started; it shows as the last update check.');
    onSubmit('ceremony-form',
        (fields) => post('/api/admin/festivals/AMPAS/ceremonies/' + encodeURIComponent(fields.year) + '/import'),
        (answer) => {
            location.hash = '#/festivals/AMPAS/' + answer.year;
            return 'Ceremony ' + answer.year + ' (#' + answer.ceremonyNumber + '): ' + answer.nominations
                + ' nominations, ' + answer.changes + ' changes, ' + answer.matched + ' matched, '
                + answer.unmatched + ' not.';
        });
    onSubmit('ceremony-range-form', (fields) => post('/api/admin/festivals/AMPAS/ceremonies/import?'
        + new URLSearchParams({ from: fields.from, to: fields.to })), (answer) => {
        location.hash = '#/festivals/AMPAS';
        return 'Importing the ceremonies of ' + answer.from + ' to ' + answer.to + ', newest first.';
    });
    onSubmit('list-form', (fields) => post('/api/admin/lists/' + encodeURIComponent(fields.key.trim()),
        fields.file, 'text/csv'), (answer) => {
        location.hash = '#/lists/' + encodeURIComponent(answer.key);
        return 'List ' + answer.key + ': ' + answer.entries + ' members'
            + (answer.changed ? ', ' + answer.added + ' added, ' + answer.removed + ' removed.' : ', unchanged.');
    });
}

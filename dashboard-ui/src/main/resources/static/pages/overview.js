// Overview: the catalogue's figures, the sweep of TMDb's export, the daily run, and the year being imported.
import { get } from '../lib/api.js';
import { $, duration, el, figures, number, show, status, when } from '../lib/render.js';
import { currentYears } from './years.js';

/** A share in percent, with the two decimals the API gives it (100 reads 100.00: every movie accounted for). */
const percent = (value) => (value === null || value === undefined ? '–' : Number(value).toFixed(2) + ' %');

/** The sweep under way or the last that ended, and the last completed, from the answer of /api/import/state. */
function exportSweep(sweep, last) {
    if (!sweep) {
        return [el('p', {}, 'No sweep of TMDb\'s export has run yet. One runs once every year of the range is '
            + 'imported, and after each daily sync from then on.')];
    }
    const parts = [el('h3', {}, 'Sweep of the export of ' + show(sweep.exportDate), ' ', status(sweep.status))];
    if (sweep.counted !== null) {
        parts.push(el('div', { className: 'bars' },
            el('label', { for: 'sweep-progress' }, 'Ids'),
            el('progress', { id: 'sweep-progress', max: Math.max(1, sweep.counted), value: sweep.done || 0 }),
            el('span', {}, number(sweep.done) + ' of ' + number(sweep.counted) + ' gone through')));
    }
    parts.push(el('ul', { className: 'counts' },
        el('li', {}, 'Started: ', when(sweep.startedAt)),
        el('li', {}, 'New movies: ', number(sweep.new))));
    if (sweep.reason) {
        parts.push(el('p', { className: 'error-text' }, 'Failed: ' + sweep.reason));
    }
    if (last) {
        parts.push(el('p', {}, 'Last completed: the export of ' + show(last.exportDate) + ', at ' + when(last.completedAt)
            + ': ' + number(last.counted) + ' counted, ' + number(last.new) + ' new, ' + number(last.removed)
            + ' removed, ' + number(last.restored) + ' restored.'));
        if (last.removalsWithheld > 0) {
            parts.push(el('p', { className: 'warning-text' }, number(last.removalsWithheld) + ' movies it no longer '
                + 'lists were not recorded as removed: more than the ' + number(last.removalLimit) + ' one sweep '
                + 'removes. Once checked, confirm with POST /api/admin/catalogue/sweep?confirmRemovals=true.'));
        }
    }
    return [el('div', { className: 'year-card sweep-card' }, parts)];
}

/** Draws the overview; health is the answer of /api/sync/health this refresh has already read. */
export async function render(parts, health) {
    // The schedule is the command side's: a node that only reads answers 404, and the overview goes without it.
    const [state, years, schedule] = await Promise.all([get('/api/import/state'), get('/api/import/years'),
        get('/api/schedule').catch(() => null)]);
    $('health-message').textContent = health.message;
    const shown = [
        ['TMDb total', number(state.tmdbTotalMovies)],
        ['Ours (imported)', number(state.ourTotalMovies)],
        ['Accounted for', number(state.accountedMovies)],
        ['Remaining', number(state.moviesRemaining)],
        ['Completion', percent(state.completionPercentage)],
        ['Time left (estimate)', duration(years.etaSeconds)],
        ['Importing year', show(state.currentImportYear)],
        ['Last page', show(state.lastPageProcessed)],
        ['Last completed year', show(state.lastCompletedYear)],
        ['Last full sync', when(state.lastFullSync)],
        ['Last update check', when(state.lastUpdateCheck)],
    ];
    if (schedule) {
        shown.push(['Next daily run', schedule.enabled ? when(schedule.nextRunAt) : 'off'],
            ['Last daily run', when(schedule.lastRunAt)
                + (schedule.lastAction ? ' (' + schedule.lastAction.replaceAll('_', ' ') + ')' : '')]);
    }
    $('state').replaceChildren(...figures(shown));
    $('completion-bar').value = state.completionPercentage || 0;
    $('completion-text').textContent = state.completionPercentage === null ? 'TMDb total not known yet'
        : number(state.accountedMovies) + ' of ' + number(state.tmdbTotalMovies) + ' movies accounted for ('
            + percent(state.completionPercentage) + ')';
    $('overview-sweep').replaceChildren(...exportSweep(state.exportSweep, state.lastExportSweep));
    $('overview-current').replaceChildren(...currentYears(years));
}

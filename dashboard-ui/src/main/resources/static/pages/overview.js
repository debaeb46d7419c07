// Overview: the catalogue's figures, the daily run, and the year being imported.
import { get } from '../lib/api.js';
import { $, duration, figures, number, show, when } from '../lib/render.js';
import { currentYears } from './years.js';

/** Draws the overview; health is the answer of /api/sync/health this refresh has already read. */
export async function render(parts, health) {
    // The schedule is the command side's: a node that only reads answers 404, and the overview goes without it.
    const [state, years, schedule] = await Promise.all([get('/api/import/state'), get('/api/import/years'),
        get('/api/schedule').catch(() => null)]);
    $('health-message').textContent = health.message;
    const shown = [
        ['TMDb total', number(state.tmdbTotalMovies)],
        ['Ours', number(state.ourTotalMovies)],
        ['Remaining', number(state.moviesRemaining)],
        ['Completion', state.completionPercentage === null ? '–' : state.completionPercentage + ' %'],
        ['Time left (estimate)', duration(years.etaSeconds)],
        ['Importing year', show(state.currentImportYear)],
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
        : state.completionPercentage + ' % of TMDb\'s movies';
    $('overview-current').replaceChildren(...currentYears(years));
}

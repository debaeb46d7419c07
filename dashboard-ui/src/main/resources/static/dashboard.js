'use strict';
// Reads the HTTP API only, and refreshes every few seconds.
const REFRESH_MS = 5000;

const show = (value) => (value === null || value === undefined ? '–' : String(value));
const when = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '–');

async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
        throw new Error(path + ' answered ' + response.status);
    }
    return response.json();
}

function renderState(state) {
    const figures = [
        ['TMDb total', show(state.tmdbTotalMovies)],
        ['Ours', show(state.ourTotalMovies)],
        ['Remaining', show(state.moviesRemaining)],
        ['Completion', state.completionPercentage === null ? '–' : state.completionPercentage + ' %'],
        ['Importing year', show(state.currentImportYear)],
        ['Last completed year', show(state.lastCompletedYear)],
        ['Last full sync', when(state.lastFullSync)],
        ['Last update check', when(state.lastUpdateCheck)],
    ];
    const list = document.getElementById('state');
    list.replaceChildren(...figures.map(([label, value]) => {
        const item = document.createElement('div');
        const term = document.createElement('dt');
        const definition = document.createElement('dd');
        term.textContent = label;
        definition.textContent = value;
        item.append(term, definition);
        return item;
    }));
}

function renderYears(view) {
    const rows = view.years.map((year) => {
        const row = document.createElement('tr');
        const cells = [year.year, year.status, show(year.tmdbTotal), year.discovered, year.imported,
            year.skipped, year.failed, when(year.startedAt), when(year.completedAt)];
        row.replaceChildren(...cells.map((value, index) => {
            const cell = document.createElement(index === 0 ? 'th' : 'td');
            if (index === 0) {
                cell.scope = 'row';
            }
            cell.textContent = String(value);
            return cell;
        }));
        return row;
    });
    document.getElementById('years').replaceChildren(...rows);
}

async function renderMode() {
    const info = await getJson('/actuator/info');
    const mode = document.getElementById('mode');
    if (info.tmdb && info.tmdb.mode === 'sandbox') {
        mode.textContent = 'Sandbox mode: TMDb is simulated';
        mode.hidden = false;
    }
}

async function refresh() {
    const connection = document.getElementById('connection');
    try {
        const [state, years] = await Promise.all([getJson('/api/import/state'), getJson('/api/import/years')]);
        renderState(state);
        renderYears(years);
        connection.hidden = true;
    } catch (error) {
        connection.hidden = false;
    }
}

renderMode().catch(() => {});
refresh();
setInterval(refresh, REFRESH_MS);

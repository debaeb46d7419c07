// The admin dashboard. It reads the HTTP API only and refreshes what is on screen every few seconds; each page is a
// module of pages/ that draws its section of index.html, over the shared modules of lib/.
import { get } from './lib/api.js';
import { $, noticeIsFresh, notify, onRedraw } from './lib/render.js';
import { wireSession } from './lib/session.js';
import * as actions from './pages/actions.js';
import * as failures from './pages/failures.js';
import * as festivals from './pages/festivals.js';
import * as lists from './pages/lists.js';
import * as movie from './pages/movie.js';
import * as overview from './pages/overview.js';
import * as projections from './pages/projections.js';
import * as skipped from './pages/skipped.js';
import * as years from './pages/years.js';

const REFRESH_MS = 3000;

/** Each page by the id of its section; a page's render(parts, health) draws it, enter() readies it to be opened. */
const pages = { overview, years, skipped, failures, festivals, lists, movie, projections, actions };

/** Pages' other addresses: a movie's (#/movies/{id}); the tables' (#/tables; #/projections, their old name, too). */
const aliases = { movies: 'movie', tables: 'projections' };

function route() {
    const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    const named = Object.hasOwn(aliases, parts[0]) ? aliases[parts[0]] : parts[0];
    const name = Object.hasOwn(pages, named) ? named : 'overview';
    return { name, parts };
}

let refreshing = false;

async function refresh() {
    if (refreshing) {
        return;
    }
    refreshing = true;
    try {
        const health = await get('/api/sync/health');
        const badge = $('health');
        badge.hidden = false;
        badge.className = 'badge ' + health.status;
        badge.textContent = 'Sync: ' + health.status;
        badge.title = health.message;
        const current = route();
        const page = pages[current.name];
        if (page.render) {
            await page.render(current.parts, health);
        }
    } catch (error) {
        if (error.status !== 0) {
            notify((error.title ? error.title + ': ' : '') + error.message, true);
        }
    } finally {
        refreshing = false;
    }
}

function navigate() {
    const current = route();
    for (const name of Object.keys(pages)) {
        $(name).hidden = name !== current.name;
    }
    document.querySelectorAll('nav a').forEach((link) => {
        if (link.dataset.view === current.name) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    });
    document.title = $(current.name + '-heading').textContent + ' · Cinegraph Importer';
    pages[current.name].enter?.();
    if (!noticeIsFresh()) {
        notify(''); // an action's answer that led here stays
    }
    refresh().then(() => $(current.name + '-heading').focus());
}

async function renderMode() {
    const info = await get('/actuator/info');
    if (info.tmdb && info.tmdb.mode === 'sandbox') {
        const mode = $('mode');
        mode.textContent = 'Sandbox mode: TMDb and oscars.org are simulated';
        mode.hidden = false;
        document.title = document.title + ' (sandbox)';
    }
}

wireSession();
for (const page of Object.values(pages)) {
    page.wire?.();
}
onRedraw(() => refresh());
window.addEventListener('hashchange', navigate);
renderMode().catch(() => {});
navigate();
setInterval(refresh, REFRESH_MS);

'use strict';
// The admin dashboard. It reads the HTTP API only, refreshes what is on screen every few seconds, and sends the
// admin's actions to the admin API with the credentials signed in with (kept in this tab's sessionStorage) and the
// CSRF token the server hands out with the session (GET /api/admin/session): a browser's action needs both.
// Every value from the API reaches the page as text (textContent), never as markup.

const REFRESH_MS = 3000;
const PAGE_SIZE = 25;
const CREDENTIALS = 'cinegraph.credentials';

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const plural = (count, one, many) => number(count) + ' ' + (count === 1 ? one : many);
const show = (value) => (value === null || value === undefined ? '–' : String(value));
const number = (value) => (value === null || value === undefined ? '–' : Number(value).toLocaleString('en-US'));
const when = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '–');

function duration(seconds) {
    if (seconds === null || seconds === undefined) {
        return '–';
    }
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) {
        return minutes + ' min';
    }
    const hours = Math.floor(minutes / 60);
    return hours < 48 ? hours + ' h ' + (minutes % 60) + ' min' : Math.round(hours / 24) + ' days';
}

/** Builds an element: attributes (and on* handlers) from an object, children from strings or nodes. */
function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.slice(2), value);
        } else if (name === 'className') {
            element.className = value;
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

const $ = (id) => document.getElementById(id);

function cells(values, numeric) {
    return values.map((value, index) => el(index === 0 ? 'th' : 'td',
        { scope: index === 0 ? 'row' : null, className: numeric && numeric.includes(index) ? 'number' : null },
        value));
}

function status(text) {
    return el('span', { className: 'status ' + text }, text.replace('_', ' '));
}

let noticeAt = 0;

function notify(message, bad) {
    noticeAt = message ? Date.now() : 0;
    const notice = $('notice');
    notice.textContent = message;
    notice.classList.toggle('bad', Boolean(bad));
}

// ---------------------------------------------------------------------------------------------------------------
// The API

class ApiError extends Error {
    constructor(status, title, detail) {
        super(detail || title || ('The server answered ' + status));
        this.status = status;
        this.title = title;
    }
}

function credentials() {
    return sessionStorage.getItem(CREDENTIALS);
}

// The CSRF token of this tab's session: {header, token}, fetched when an action first needs it.
let csrf = null;

const CSRF_REFUSED = 'Request not from the dashboard';

async function request(method, path, body, contentType, retried) {
    const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    const admin = path.startsWith('/api/admin/');
    if (admin) {
        if (!credentials()) {
            throw new ApiError(401, 'Not signed in', 'Sign in first: this needs the admin\'s credentials.');
        }
        headers.Authorization = 'Basic ' + credentials();
        if (method !== 'GET') {
            if (!csrf) {
                csrf = (await get('/api/admin/session')).csrf;
            }
            headers[csrf.header] = csrf.token;
        }
    }
    if (contentType) {
        headers['Content-Type'] = contentType;
    }
    let response;
    try {
        response = await fetch(path, { method, headers, body, cache: 'no-store' });
    } catch (error) {
        connection(false);
        throw new ApiError(0, 'Unreachable', 'The server does not answer.');
    }
    connection(true);
    const text = await response.text();
    let json = null;
    try {
        json = text ? JSON.parse(text) : null;
    } catch (error) {
        json = null;
    }
    if (!response.ok) {
        if (response.status === 401 && admin) {
            signedOut();
        }
        if (response.status === 403 && admin && json && json.title === CSRF_REFUSED && !retried) {
            // The token's cookie is gone (cleared, or another tab signed in anew): take a fresh token, once.
            csrf = null;
            return request(method, path, body, contentType, true);
        }
        throw new ApiError(response.status, json && json.title, json && json.detail);
    }
    return json;
}

const get = (path) => request('GET', path);
const post = (path, body, contentType) => request('POST', path, body, contentType);

let lastContact = null;

function connection(up) {
    if (up) {
        lastContact = new Date();
    }
    $('connection').hidden = up;
    $('last-contact').textContent = lastContact ? when(lastContact.toISOString()) : 'before';
}

// ---------------------------------------------------------------------------------------------------------------
// Signing in

function signedIn(user) {
    $('signed-in').hidden = false;
    $('user-name').textContent = user;
    $('sign-in-button').hidden = true;
    $('sign-out-button').hidden = false;
    $('actions-sign-in-hint').hidden = true;
}

function signedOut() {
    sessionStorage.removeItem(CREDENTIALS);
    csrf = null;
    $('signed-in').hidden = true;
    $('sign-in-button').hidden = false;
    $('sign-out-button').hidden = true;
    $('actions-sign-in-hint').hidden = false;
}

let afterSignIn = null;

function askToSignIn(then) {
    afterSignIn = then || null;
    $('sign-in-error').textContent = '';
    $('sign-in-dialog').showModal();
    $('sign-in-form').elements.password.focus();
}

async function signIn(event) {
    event.preventDefault();
    const form = $('sign-in-form');
    const user = form.elements.user.value.trim();
    const token = btoa(unescape(encodeURIComponent(user + ':' + form.elements.password.value)));
    sessionStorage.setItem(CREDENTIALS, token);
    try {
        const session = await get('/api/admin/session');
        csrf = session.csrf;
        form.elements.password.value = '';
        $('sign-in-dialog').close();
        signedIn(session.user);
        notify('Signed in as ' + session.user + '.');
        if (afterSignIn) {
            const then = afterSignIn;
            afterSignIn = null;
            then();
        }
    } catch (error) {
        sessionStorage.removeItem(CREDENTIALS);
        $('sign-in-error').textContent = error.status === 401
            ? 'These credentials are not the admin\'s.' : error.message;
    }
}

/** Runs an admin action: asks to sign in first when needed, and says what the server answered. */
async function act(button, action, describe) {
    if (!credentials()) {
        askToSignIn(() => act(button, action, describe));
        return;
    }
    if (button) {
        button.disabled = true;
    }
    try {
        const answer = await action();
        notify(describe(answer));
        refresh();
    } catch (error) {
        notify((error.title ? error.title + ': ' : '') + error.message, true);
    } finally {
        if (button) {
            button.disabled = false;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Charts: bars per time bucket, as SVG, with a summary for screen readers.

function barChart(container, buckets, series, summary) {
    const width = 600;
    const height = 120;
    const max = Math.max(1, ...buckets.map((bucket) => series.reduce((sum, [key]) => sum + (bucket[key] || 0), 0)));
    const barWidth = width / Math.max(1, buckets.length);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', summary);
    buckets.forEach((bucket, index) => {
        let top = height;
        for (const [key, className] of series) {
            const value = bucket[key] || 0;
            if (value > 0) {
                const barHeight = (value / max) * (height - 4);
                top -= barHeight;
                const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
                rect.setAttribute('x', String(index * barWidth));
                rect.setAttribute('y', String(top));
                rect.setAttribute('width', String(Math.max(1, barWidth - 1)));
                rect.setAttribute('height', String(barHeight));
                rect.setAttribute('class', className);
                const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
                title.textContent = when(bucket.start) + ': ' + value + ' ' + key;
                rect.append(title);
                svg.append(rect);
            }
        }
    });
    const axis = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    axis.setAttribute('x1', '0');
    axis.setAttribute('x2', String(width));
    axis.setAttribute('y1', String(height - 0.5));
    axis.setAttribute('y2', String(height - 0.5));
    axis.setAttribute('class', 'axis');
    svg.append(axis);
    const legend = el('ul', { className: 'legend' }, series.map(([key, className, label]) =>
        el('li', {}, el('i', { className, 'aria-hidden': 'true' }), label)),
        el('li', { className: 'scale' }, 'highest bar: ' + number(max)),
        el('li', { className: 'scale' }, buckets.length ? 'from ' + when(buckets[0].start) : ''));
    container.replaceChildren(svg, legend, el('p', { className: 'visually-hidden' }, summary));
}

function total(buckets, key) {
    return buckets.reduce((sum, bucket) => sum + (bucket[key] || 0), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Views

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
            el('li', {}, 'Imported: ', number(year.imported)),
            el('li', {}, 'Skipped: ', number(year.skipped)),
            el('li', {}, 'Failed: ', number(year.failed)),
            el('li', {}, 'Started: ', when(year.startedAt)),
            el('li', {}, 'Last progress: ', when(year.lastProgressAt))),
        year.failureReason ? el('p', { className: 'error-text' }, year.failureReason) : null);
}

function currentYears(view) {
    const running = view.years.filter((year) => ['importing', 'stalled', 'failed'].includes(year.status));
    return running.length ? running.map(yearCard) : [el('p', {}, 'No year is being imported now.')];
}

async function renderOverview(health) {
    // The schedule is the command side's: a node that only reads answers 404, and the overview goes without it.
    const [state, years, schedule] = await Promise.all([get('/api/import/state'), get('/api/import/years'),
        get('/api/schedule').catch(() => null)]);
    $('health-message').textContent = health.message;
    const figures = [
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
        figures.push(['Next daily run', schedule.enabled ? when(schedule.nextRunAt) : 'off'],
            ['Last daily run', when(schedule.lastRunAt)
                + (schedule.lastAction ? ' (' + schedule.lastAction.replaceAll('_', ' ') + ')' : '')]);
    }
    $('state').replaceChildren(...figures.map(([label, value]) => el('div', {}, el('dt', {}, label), el('dd', {}, value))));
    $('completion-bar').value = state.completionPercentage || 0;
    $('completion-text').textContent = state.completionPercentage === null ? 'TMDb total not known yet'
        : state.completionPercentage + ' % of TMDb\'s movies';
    $('overview-current').replaceChildren(...currentYears(years));
}

async function renderYears() {
    const hours = Number($('chart-hours').value);
    const [years, activity, tmdb] = await Promise.all([get('/api/import/years'),
        get('/api/import/activity?hours=' + hours), get('/api/tmdb/activity?hours=' + hours).catch(() => null)]);
    const last = 'In the last ' + plural(hours, 'hour', 'hours');
    const bucket = activity.bucketSeconds === 60 ? 'minute' : (activity.bucketSeconds / 60) + ' minutes';
    document.querySelectorAll('.chart-bucket').forEach((span) => { span.textContent = bucket; });
    $('current-year').replaceChildren(...currentYears(years));
    const recorded = total(activity.buckets, 'imported') + total(activity.buckets, 'skipped');
    barChart($('rate-chart'), activity.buckets, [['imported', 'imported', 'Imported'], ['skipped', 'skipped', 'Skipped'],
        ['failed', 'failed', 'Failed']], last + ': ' + number(total(activity.buckets, 'imported'))
        + ' movies imported, ' + number(total(activity.buckets, 'skipped')) + ' skipped, '
        + number(total(activity.buckets, 'failed')) + ' failed; ' + number(Math.round(recorded / (hours * 60)))
        + ' per minute on average.');
    $('rate-chart').dataset.recorded = String(recorded);
    if (tmdb) {
        barChart($('tmdb-chart'), tmdb.buckets, [['requests', 'requests', 'Requests'], ['rateLimited', 'rate-limited', '429 answers']],
            last + ' this node sent ' + number(total(tmdb.buckets, 'requests'))
            + ' requests to TMDb; ' + number(total(tmdb.buckets, 'rateLimited')) + ' were answered 429.');
    } else {
        $('tmdb-chart').replaceChildren(el('p', {}, 'This node does not import, so it sends TMDb nothing.'));
    }
    $('years-rows').replaceChildren(...years.years.map((year) => el('tr', { className: year.status },
        cells([String(year.year), status(year.status), number(year.tmdbTotal), number(year.discovered),
            number(year.imported), number(year.skipped), number(year.failed),
            number(year.pagesDone) + ' / ' + number(year.pagesTotal), when(year.startedAt), when(year.completedAt)],
        [2, 3, 4, 5, 6, 7]))));
}

// Filtered, paged tables -----------------------------------------------------------------------------------------

const pages = { skipped: 0, failures: 0, list: 0 };

function query(form, extra) {
    const parameters = new URLSearchParams();
    for (const [name, value] of new FormData(form).entries()) {
        if (typeof value === 'string' && value.trim() !== '') {
            parameters.set(name, value.trim());
        }
    }
    for (const [name, value] of Object.entries(extra || {})) {
        parameters.set(name, String(value));
    }
    return parameters.toString();
}

function pager(container, name, page, render) {
    const from = page.total === 0 ? 0 : pages[name] * PAGE_SIZE + 1;
    const to = Math.min(page.total, (pages[name] + 1) * PAGE_SIZE);
    container.replaceChildren(
        el('button', { type: 'button', disabled: pages[name] === 0, onclick: () => { pages[name]--; render(); } }, 'Previous'),
        el('span', { 'aria-live': 'polite' }, from + '–' + to + ' of ' + number(page.total)),
        el('button', { type: 'button', disabled: to >= page.total, onclick: () => { pages[name]++; render(); } }, 'Next'));
}

async function renderSkipped() {
    const page = await get('/api/import/skipped?' + query($('skipped-filters'),
        { limit: PAGE_SIZE, offset: pages.skipped * PAGE_SIZE }));
    $('skipped-caption').textContent = plural(page.total, 'skipped movie', 'skipped movies');
    $('skipped-rows').replaceChildren(...page.items.map((item) => el('tr', {}, cells([String(item.tmdbId),
        show(item.title), show(item.year), item.criteriaFailed.join(', '), when(item.skippedAt)], [0]))));
    pager($('skipped-pager'), 'skipped', page, renderSkipped);
}

async function renderFailures() {
    const form = $('failures-filters');
    const page = await get('/api/import/failures?' + query(form, { limit: PAGE_SIZE, offset: pages.failures * PAGE_SIZE }));
    $('failures-caption').textContent = plural(page.total, 'failure', 'failures');
    $('failures-rows').replaceChildren(...page.items.map((item) => {
        const title = item.title || (item.tmdbId ? 'TMDb ' + item.tmdbId : item.imdbId) || 'untitled';
        const retry = el('button', { type: 'button', className: 'admin secondary', 'aria-label': 'Retry ' + title });
        retry.textContent = 'Retry';
        retry.addEventListener('click', () => act(retry, () => post('/api/admin/failures/retry?'
            + new URLSearchParams({ source: item.source, subject: item.subject })),
        () => 'Retrying ' + title + ' (' + item.source + ').'));
        return el('tr', {}, cells([title, show(item.year), item.source, item.reason, String(item.retryCount),
            when(item.lastAttemptAt), el('span', { className: 'detail' }, show(item.detail)), retry], [4]));
    }));
    pager($('failures-pager'), 'failures', page, renderFailures);
    const source = form.elements.source.value.trim();
    $('retry-all').textContent = source ? 'Retry all failures of ' + source : 'Retry every failure';
}

// Festivals ------------------------------------------------------------------------------------------------------

async function renderFestivals(organization, year) {
    const festivals = await get('/api/festivals');
    $('festival-organizations').replaceChildren(festivals.length === 0
        ? el('p', {}, 'No festival is recorded yet. Import a ceremony from Actions.')
        : el('ul', {}, festivals.map((festival) => el('li', {},
            el('a', { href: '#/festivals/' + encodeURIComponent(festival.abbreviation) }, festival.name),
            ' (' + festival.abbreviation + '): ' + plural(festival.ceremonies, 'ceremony', 'ceremonies') + ', '
            + plural(festival.nominations, 'nomination', 'nominations')))));
    const org = organization || (festivals[0] && festivals[0].abbreviation);
    if (!org) {
        $('festival-ceremonies').replaceChildren();
        $('festival-ceremony').replaceChildren();
        return;
    }
    if (year) {
        $('festival-ceremonies').replaceChildren(el('p', {}, el('a', { href: '#/festivals/' + encodeURIComponent(org) },
            'All ' + org + ' ceremonies')));
        await renderCeremony(org, year);
        return;
    }
    const ceremonies = await get('/api/festivals/' + encodeURIComponent(org) + '/ceremonies');
    $('festival-ceremony').replaceChildren();
    $('festival-ceremonies').replaceChildren(el('div', { className: 'table-wrap' }, el('table', {},
        el('caption', {}, org + ' ceremonies, newest first'),
        el('thead', {}, el('tr', {}, ['Year', 'Ceremony', 'Categories', 'Nominations', 'Winners', 'Matched to a movie',
            'Scraped'].map((name) => el('th', { scope: 'col' }, name)))),
        el('tbody', {}, ceremonies.map((ceremony) => el('tr', {}, cells([
            el('a', { href: '#/festivals/' + encodeURIComponent(org) + '/' + ceremony.year }, String(ceremony.year)),
            '#' + ceremony.ceremonyNumber, number(ceremony.categories), number(ceremony.nominations),
            number(ceremony.winners), number(ceremony.matched) + ' of ' + number(ceremony.nominations),
            when(ceremony.scrapedAt)], [2, 3, 4])))))));
}

async function renderCeremony(org, year) {
    const ceremony = await get('/api/festivals/' + encodeURIComponent(org) + '/ceremonies/' + encodeURIComponent(year));
    const unmatched = ceremony.categories.reduce((sum, category) =>
        sum + category.nominations.filter((nomination) => nomination.film && nomination.tmdbId === null).length, 0);
    $('festival-ceremony').replaceChildren(
        el('h3', {}, org + ' ' + ceremony.year + ', ceremony #' + ceremony.ceremonyNumber),
        el('p', {}, unmatched === 0 ? 'Every nomination with a film is matched to a movie.'
            : plural(unmatched, 'nomination is', 'nominations are') + ' matched to no movie; they are listed under ',
        unmatched === 0 ? null : el('a', { href: '#/failures' }, 'Failures'), unmatched === 0 ? null : '.'),
        ...ceremony.categories.map((category) => el('section', { className: 'category', 'aria-label': category.name },
            el('h4', {}, category.name),
            el('ul', { className: 'nominations' }, category.nominations.map((nomination) => el('li', {},
                nomination.winner ? el('span', { className: 'winner-mark' }, '★ Winner') : null,
                nomination.film === null ? el('span', {}, show(nomination.detail))
                    : nomination.tmdbId !== null
                        ? el('a', { href: '#/movies/' + nomination.tmdbId }, nomination.film)
                        : el('span', {}, nomination.film),
                nomination.film !== null && nomination.tmdbId === null
                    ? el('span', { className: 'unmatched-mark' }, 'no movie matched') : null,
                nomination.names.length ? el('span', { className: 'names' }, nomination.names.join(', ')) : null,
                nomination.film !== null && nomination.detail ? el('span', { className: 'names' }, nomination.detail) : null))))));
}

// Lists ----------------------------------------------------------------------------------------------------------

async function renderLists(key) {
    const lists = await get('/api/lists?limit=500');
    $('lists-summary').replaceChildren(lists.total === 0 ? el('p', {}, 'No list is uploaded yet. Upload one from Actions.')
        : el('div', { className: 'table-wrap' }, el('table', {}, el('caption', {}, 'Canonical lists'),
            el('thead', {}, el('tr', {}, ['List', 'Members', 'Matched', 'Not found', 'Not looked up yet', 'Uploaded']
                .map((name) => el('th', { scope: 'col' }, name)))),
            el('tbody', {}, lists.items.map((list) => el('tr', {}, cells([
                el('a', { href: '#/lists/' + encodeURIComponent(list.key) }, list.key), number(list.size),
                number(list.matched), number(list.notFound), number(list.pending), when(list.importedAt)], [1, 2, 3, 4])))))));
    if (!key) {
        $('list-members').replaceChildren();
        $('list-pager').replaceChildren();
        return;
    }
    const list = await get('/api/lists/' + encodeURIComponent(key) + '?limit=' + PAGE_SIZE + '&offset=' + pages.list * PAGE_SIZE);
    $('list-members').replaceChildren(el('div', { className: 'table-wrap' }, el('table', {},
        el('caption', {}, 'Members of ' + list.key + ', in list order'),
        el('thead', {}, el('tr', {}, ['#', 'Title', 'Year', 'IMDb id', 'Status', 'Movie']
            .map((name) => el('th', { scope: 'col' }, name)))),
        el('tbody', {}, list.items.map((member) => el('tr', {}, cells([String(member.position), show(member.title),
            show(member.year), member.imdbId, status(member.status) , member.tmdbId === null
                ? show(member.reason) : el('a', { href: '#/movies/' + member.tmdbId }, 'TMDb ' + member.tmdbId)], [0])))))));
    pager($('list-pager'), 'list', list, () => renderLists(key));
}

// A movie --------------------------------------------------------------------------------------------------------

async function renderMovie(tmdbId) {
    let movie;
    try {
        movie = await get('/api/movies/' + encodeURIComponent(tmdbId));
    } catch (error) {
        if (error.status === 404) {
            $('movie-heading').textContent = 'Movie ' + tmdbId;
            $('movie-details').replaceChildren(el('p', {}, 'This movie is not imported (yet, or it was skipped).'));
            return;
        }
        throw error;
    }
    $('movie-heading').textContent = movie.title + (movie.releaseDate ? ' (' + movie.releaseDate.slice(0, 4) + ')' : '');
    const data = movie.tmdbData || {};
    $('movie-details').replaceChildren(
        el('dl', { className: 'figures' }, [
            ['TMDb id', String(movie.tmdbId)], ['IMDb id', show(movie.imdbId)], ['Released', show(movie.releaseDate)],
            ['Popularity', show(movie.popularity)], ['Votes', number(movie.voteCount)],
            ['Runtime', movie.runtime ? movie.runtime + ' min' : '–'], ['Language', show(movie.originalLanguage)],
        ].map(([label, value]) => el('div', {}, el('dt', {}, label), el('dd', {}, value)))),
        data.overview ? el('p', {}, data.overview) : null,
        el('p', {}, el('a', { href: '/api/movies/' + encodeURIComponent(movie.tmdbId) }, 'Its full TMDb record (JSON)')));
}

// Projections ----------------------------------------------------------------------------------------------------

async function renderProjections() {
    const projections = await get('/api/projections');
    $('projections-rows').replaceChildren(...projections.map((projection) => {
        const rebuild = projection.rebuild;
        const state = projection.error ? 'failed' : projection.replaying ? 'rebuilding'
            : projection.caughtUp ? 'caught up' : 'catching up';
        const replay = el('button', { type: 'button', className: 'admin secondary', disabled: projection.replaying,
            'aria-label': 'Replay ' + projection.name });
        replay.textContent = 'Replay';
        replay.addEventListener('click', () => act(replay, () => post('/api/admin/projections/'
            + encodeURIComponent(projection.name) + '/replay'), () => 'Replaying ' + projection.name + '.'));
        // Events it could not apply, parked until their cause is fixed; a retry applies them in order.
        let parked = number(projection.deadLetters);
        if (projection.deadLetters > 0) {
            const retry = el('button', { type: 'button', className: 'admin secondary', disabled: projection.replaying,
                'aria-label': 'Retry the dead letters of ' + projection.name });
            retry.textContent = 'Retry';
            retry.addEventListener('click', () => act(retry, () => post('/api/admin/projections/'
                + encodeURIComponent(projection.name) + '/dead-letters/retry'), (answer) => projection.name + ': '
                + plural(answer.processed, 'dead letter', 'dead letters') + ' applied, ' + number(answer.left) + ' left'
                + (answer.failure ? ' (' + answer.failure + ')' : '') + '.'));
            parked = el('span', {}, el('span', { className: 'error-text' }, parked), ' ', retry);
        }
        const last = rebuild === null ? 'never' : el('span', {}, status(rebuild.state), ' ',
            rebuild.state === 'rebuilding' || rebuild.state === 'requested'
                ? el('progress', { max: 1, value: rebuild.progress || 0, 'aria-label': 'Replay of ' + projection.name })
                : null,
            ' ' + Math.round((rebuild.progress || 0) * 100) + ' %',
            rebuild.completedAt ? ', ' + when(rebuild.completedAt) : '',
            rebuild.failure ? el('span', { className: 'error-text' }, ' ' + rebuild.failure) : null);
        return el('tr', { className: projection.error || projection.deadLetters > 0 ? 'failed' : null,
            'data-projection': projection.name },
            cells([projection.name, el('span', { className: 'status' }, state) , number(projection.position),
                number(projection.head), number(projection.lag), parked, last, replay], [2, 3, 4, 5]));
    }));
}

// ---------------------------------------------------------------------------------------------------------------
// Routing and the refresh loop

const views = ['overview', 'years', 'skipped', 'failures', 'festivals', 'lists', 'movie', 'projections', 'actions'];

function route() {
    const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    const name = parts[0] === 'movies' ? 'movie' : views.includes(parts[0]) ? parts[0] : 'overview';
    return { name, parts };
}

// Draws the view; health is the answer of /api/sync/health this refresh has already read.
function render(current, health) {
    switch (current.name) {
    case 'overview': return renderOverview(health);
    case 'years': return renderYears();
    case 'skipped': return renderSkipped();
    case 'failures': return renderFailures();
    case 'festivals': return renderFestivals(current.parts[1], current.parts[2]);
    case 'lists': return renderLists(current.parts[1]);
    case 'movie': return renderMovie(current.parts[1]);
    case 'projections': return renderProjections();
    default: return Promise.resolve();
    }
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
        await render(route(), health);
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
    for (const view of views) {
        $(view).hidden = view !== current.name;
    }
    document.querySelectorAll('nav a').forEach((link) => {
        if (link.dataset.view === current.name) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    });
    document.title = $(current.name + '-heading').textContent + ' · Cinegraph Importer';
    if (current.name === 'lists') {
        pages.list = 0;
    }
    if (Date.now() - noticeAt > 1000) {
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

// ---------------------------------------------------------------------------------------------------------------
// Wiring

function wire() {
    $('sign-in-button').addEventListener('click', () => askToSignIn());
    document.querySelectorAll('[data-sign-in]').forEach((button) => button.addEventListener('click', () => askToSignIn()));
    $('sign-out-button').addEventListener('click', () => { signedOut(); notify('Signed out.'); });
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-in-cancel').addEventListener('click', () => $('sign-in-dialog').close());

    for (const [name, render] of [['skipped', renderSkipped], ['failures', renderFailures]]) {
        $(name + '-filters').addEventListener('submit', (event) => {
            event.preventDefault();
            pages[name] = 0;
            render().catch((error) => notify(error.message, true));
        });
    }
    $('chart-hours').addEventListener('change', () => refresh());
    $('retry-all').addEventListener('click', (event) => {
        const source = $('failures-filters').elements.source.value.trim();
        act(event.target, () => post('/api/admin/failures/retry' + (source ? '?source=' + encodeURIComponent(source) : '')),
            (answer) => 'Retrying ' + answer.ceremonies + ' ceremonies, ' + answer.movies + ' movies, '
                + answer.nominations + ' nominations and ' + answer.listMembers + ' list members'
                + (source ? ' of ' + source : '') + '.');
    });
    $('replay-all').addEventListener('click', (event) => act(event.target, () => post('/api/admin/projections/replay'),
        () => 'Replaying every projection.'));

    $('import-year-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const year = event.target.elements.year.value;
        act(event.submitter, () => post('/api/admin/imports/years/' + encodeURIComponent(year)), (answer) => {
            location.hash = '#/years';
            return 'Year ' + answer.year + ': ' + answer.action.replace('_', ' ') + '.';
        });
    });
    $('import-next').addEventListener('click', (event) => act(event.target, () => post('/api/admin/imports/next'),
        (answer) => 'Daily run: ' + answer.action.replace('_', ' ') + (answer.year ? ' ' + answer.year : '') + '.'));
    $('refresh-total').addEventListener('click', (event) => act(event.target, () => post('/api/admin/tmdb-total/refresh'),
        (answer) => 'TMDb lists ' + number(answer.tmdbTotalMovies) + ' movies.'));
    $('sync-changes').addEventListener('click', (event) => act(event.target, () => post('/api/admin/sync/changes'),
        () => 'Delta sync started; it shows as the last update check.'));
    $('ceremony-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const year = event.target.elements.year.value;
        act(event.submitter, () => post('/api/admin/festivals/AMPAS/ceremonies/' + encodeURIComponent(year) + '/import'),
            (answer) => {
                location.hash = '#/festivals/AMPAS/' + answer.year;
                return 'Ceremony ' + answer.year + ' (#' + answer.ceremonyNumber + '): ' + answer.nominations
                    + ' nominations, ' + answer.changes + ' changes, ' + answer.matched + ' matched, '
                    + answer.unmatched + ' not.';
            });
    });
    $('ceremony-range-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const form = event.target.elements;
        act(event.submitter, () => post('/api/admin/festivals/AMPAS/ceremonies/import?' + new URLSearchParams({
            from: form.from.value, to: form.to.value })), (answer) => {
            location.hash = '#/festivals/AMPAS';
            return 'Importing the ceremonies of ' + answer.from + ' to ' + answer.to + ', newest first.';
        });
    });
    $('list-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const form = event.target.elements;
        const key = form.key.value.trim();
        const file = form.file.files[0];
        act(event.submitter, () => post('/api/admin/lists/' + encodeURIComponent(key), file, 'text/csv'),
            (answer) => {
                location.hash = '#/lists/' + encodeURIComponent(answer.key);
                return 'List ' + answer.key + ': ' + answer.entries + ' members'
                    + (answer.changed ? ', ' + answer.added + ' added, ' + answer.removed + ' removed.' : ', unchanged.');
            });
    });
    window.addEventListener('hashchange', navigate);
}

wire();
if (credentials()) {
    get('/api/admin/session').then((session) => signedIn(session.user)).catch(() => signedOut());
} else {
    signedOut();
}
renderMode().catch(() => {});
navigate();
setInterval(refresh, REFRESH_MS);

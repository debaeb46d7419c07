// The HTTP API. Admin actions go with the credentials signed in with (kept in this tab's sessionStorage) and the
// CSRF token the server hands out with the session (GET /api/admin/session): a browser's action needs both.
import { $, when } from './render.js';

const CREDENTIALS = 'cinegraph.credentials';
const CSRF_REFUSED = 'Request not from the dashboard';
const SIGNED_OUT = 'cinegraph:signed-out';

export class ApiError extends Error {
    constructor(status, title, detail) {
        super(detail || title || ('The server answered ' + status));
        this.status = status;
        this.title = title;
    }
}

export function credentials() {
    return sessionStorage.getItem(CREDENTIALS);
}

// The CSRF token of this tab's session: {header, token}, fetched when an action first needs it.
let csrf = null;

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
            signOut();
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

export const get = (path) => request('GET', path);
export const post = (path, body, contentType) => request('POST', path, body, contentType);

let lastContact = null;

function connection(up) {
    if (up) {
        lastContact = new Date();
    }
    $('connection').hidden = up;
    $('last-contact').textContent = lastContact ? when(lastContact.toISOString()) : 'before';
}

/** Checks the admin's credentials and keeps them, with the session's CSRF token; answers the session. */
export async function signIn(user, password) {
    sessionStorage.setItem(CREDENTIALS, btoa(unescape(encodeURIComponent(user + ':' + password))));
    try {
        const session = await get('/api/admin/session');
        csrf = session.csrf;
        return session;
    } catch (error) {
        sessionStorage.removeItem(CREDENTIALS);
        throw error;
    }
}

/** Forgets the credentials and the token; the page hears of it through onSignedOut. */
export function signOut() {
    sessionStorage.removeItem(CREDENTIALS);
    csrf = null;
    document.dispatchEvent(new Event(SIGNED_OUT));
}

export const onSignedOut = (listener) => document.addEventListener(SIGNED_OUT, listener);

let vocabularyAsked = null;

/** The values the API's filters take, {criteria, failureReasons}: asked once, and again after a failed try. */
export function vocabulary() {
    vocabularyAsked ??= get('/api/import/vocabulary').catch((error) => {
        vocabularyAsked = null;
        throw error;
    });
    return vocabularyAsked;
}

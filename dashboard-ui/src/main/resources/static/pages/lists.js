// Lists: the canonical lists, and a list's members with what became of each.
import { get } from '../lib/api.js';
import { Pager } from '../lib/filters.js';
import { $, cells, el, number, show, status, table, when } from '../lib/render.js';

const pager = new Pager('list-pager');

/** A list opened anew shows its first page. */
export function enter() {
    pager.first();
}

function listRow(list) {
    return el('tr', {}, cells([el('a', { href: '#/lists/' + encodeURIComponent(list.key) }, list.key),
        number(list.size), number(list.matched), number(list.notFound), number(list.pending), when(list.importedAt)],
    [1, 2, 3, 4]));
}

function memberRow(member) {
    const movie = member.tmdbId === null ? show(member.reason)
        : el('a', { href: '#/movies/' + member.tmdbId }, 'TMDb ' + member.tmdbId);
    return el('tr', {}, cells([String(member.position), show(member.title), show(member.year), member.imdbId,
        status(member.status), movie], [0]));
}

/** parts: the route, #/lists/{key}, the key left out for the lists alone. */
export async function render(parts) {
    const key = parts[1];
    const lists = await get('/api/lists?limit=500');
    $('lists-summary').replaceChildren(lists.total === 0 ? el('p', {}, 'No list is uploaded yet. Upload one from Actions.')
        : table('Canonical lists', ['List', 'Members', 'Matched', 'Not found', 'Not looked up yet', 'Uploaded'],
            lists.items.map(listRow)));
    if (!key) {
        $('list-members').replaceChildren();
        $('list-pager').replaceChildren();
        return;
    }
    const list = await get('/api/lists/' + encodeURIComponent(key) + '?' + new URLSearchParams(pager.window));
    $('list-members').replaceChildren(table('Members of ' + list.key + ', in list order',
        ['#', 'Title', 'Year', 'IMDb id', 'Status', 'Movie'], list.items.map(memberRow)));
    pager.show(list.total, () => render(parts));
}

// Festivals: the organizations, their ceremonies, and a ceremony's nominations with their winners and matches.
import { get } from '../lib/api.js';
import { $, cells, el, number, plural, show, table, when } from '../lib/render.js';

/** parts: the route, #/festivals/{organization}/{year}, either part left out. */
export async function render(parts) {
    const [, organization, year] = parts;
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
    $('festival-ceremonies').replaceChildren(table(org + ' ceremonies, newest first',
        ['Year', 'Ceremony', 'Categories', 'Nominations', 'Winners', 'Matched to a movie', 'Scraped'],
        ceremonies.map((ceremony) => el('tr', {}, cells([
            el('a', { href: '#/festivals/' + encodeURIComponent(org) + '/' + ceremony.year }, String(ceremony.year)),
            '#' + ceremony.ceremonyNumber, number(ceremony.categories), number(ceremony.nominations),
            number(ceremony.winners), number(ceremony.matched) + ' of ' + number(ceremony.nominations),
            when(ceremony.scrapedAt)], [2, 3, 4])))));
}

function nominationItem(nomination) {
    return el('li', {},
        nomination.winner ? el('span', { className: 'winner-mark' }, '★ Winner') : null,
        nomination.film === null ? el('span', {}, show(nomination.detail))
            : nomination.tmdbId !== null
                ? el('a', { href: '#/movies/' + nomination.tmdbId }, nomination.film)
                : el('span', {}, nomination.film),
        nomination.film !== null && nomination.tmdbId === null
            ? el('span', { className: 'unmatched-mark' }, 'no movie matched') : null,
        nomination.names.length ? el('span', { className: 'names' }, nomination.names.join(', ')) : null,
        nomination.film !== null && nomination.detail ? el('span', { className: 'names' }, nomination.detail) : null);
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
            el('ul', { className: 'nominations' }, category.nominations.map(nominationItem)))));
}

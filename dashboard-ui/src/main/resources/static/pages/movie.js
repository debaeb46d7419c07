// A movie: its figures, whether TMDb still lists it, and a link to its full TMDb record.
import { get } from '../lib/api.js';
import { $, el, figures, number, show, when } from '../lib/render.js';

/** parts: the route, #/movies/{tmdbId}. */
export async function render(parts) {
    const tmdbId = parts[1];
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
    const removed = movie.removedFromTmdbAt;
    const title = movie.title + (movie.releaseDate ? ' (' + movie.releaseDate.slice(0, 4) + ')' : '');
    // replaceChildren would write a null as the text "null": what is not there is left out.
    $('movie-heading').replaceChildren(...[title, removed ? ' ' : null,
        removed ? el('span', { className: 'status removed' }, 'removed from TMDb') : null].filter(Boolean));
    const data = movie.tmdbData || {};
    $('movie-details').replaceChildren(...[
        removed ? el('p', { className: 'warning-text removed-note' }, 'TMDb\'s daily export no longer lists this movie, '
            + 'since ' + when(removed) + '. It stays in the catalogue, and is no longer marked once an export lists '
            + 'it again.') : null,
        el('dl', { className: 'figures' }, figures([
            ['TMDb id', String(movie.tmdbId)], ['IMDb id', show(movie.imdbId)], ['Released', show(movie.releaseDate)],
            ['Popularity', show(movie.popularity)], ['Votes', number(movie.voteCount)],
            ['Runtime', movie.runtime ? movie.runtime + ' min' : '–'], ['Language', show(movie.originalLanguage)],
        ])),
        data.overview ? el('p', {}, data.overview) : null,
        el('p', {}, el('a', { href: '/api/movies/' + encodeURIComponent(movie.tmdbId) }, 'Its full TMDb record (JSON)')),
    ].filter(Boolean));
}

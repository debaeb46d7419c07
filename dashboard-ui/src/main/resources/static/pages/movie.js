// A movie: its figures and a link to its full TMDb record.
import { get } from '../lib/api.js';
import { $, el, figures, number, show } from '../lib/render.js';

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
    $('movie-heading').textContent = movie.title + (movie.releaseDate ? ' (' + movie.releaseDate.slice(0, 4) + ')' : '');
    const data = movie.tmdbData || {};
    $('movie-details').replaceChildren(
        el('dl', { className: 'figures' }, figures([
            ['TMDb id', String(movie.tmdbId)], ['IMDb id', show(movie.imdbId)], ['Released', show(movie.releaseDate)],
            ['Popularity', show(movie.popularity)], ['Votes', number(movie.voteCount)],
            ['Runtime', movie.runtime ? movie.runtime + ' min' : '–'], ['Language', show(movie.originalLanguage)],
        ])),
        data.overview ? el('p', {}, data.overview) : null,
        el('p', {}, el('a', { href: '/api/movies/' + encodeURIComponent(movie.tmdbId) }, 'Its full TMDb record (JSON)')));
}

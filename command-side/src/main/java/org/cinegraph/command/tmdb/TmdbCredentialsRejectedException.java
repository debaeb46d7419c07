package org.cinegraph.command.tmdb;

/** TMDb answered 401: the configured token or key is wrong or revoked. Retrying cannot help. */
public class TmdbCredentialsRejectedException extends RuntimeException {

    public TmdbCredentialsRejectedException() {
        super("TMDb rejected the configured credentials (HTTP 401): check cinegraph.tmdb.api-token "
                + "(TMDB_API_TOKEN) or cinegraph.tmdb.api-key (TMDB_API_KEY).");
    }
}

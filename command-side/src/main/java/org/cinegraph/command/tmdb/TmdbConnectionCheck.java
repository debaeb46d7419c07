package org.cinegraph.command.tmdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/** Says at start whether TMDb answers, so wrong credentials show in the log before the first import. */
@Component
class TmdbConnectionCheck {

    private static final Logger log = LoggerFactory.getLogger(TmdbConnectionCheck.class);

    private final TmdbClient tmdb;

    TmdbConnectionCheck(TmdbClient tmdb) {
        this.tmdb = tmdb;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        try {
            tmdb.configuration();
            log.info("TMDb answers at {}", tmdb.baseUrl());
        } catch (TmdbCredentialsRejectedException e) {
            log.error(e.getMessage());
        } catch (RestClientException e) {
            log.warn("TMDb at {} does not answer yet: {}", tmdb.baseUrl(), tmdb.describe(e));
        }
    }
}

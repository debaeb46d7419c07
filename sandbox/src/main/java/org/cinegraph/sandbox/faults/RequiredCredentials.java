package org.cinegraph.sandbox.faults;

import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;

/**
 * Lets through only requests that carry the expected bearer token or {@code api_key}, as TMDb does; either
 * credential may be left unset, and then only the other one is accepted. Deliberately not a record, whose
 * {@code toString} would show the credentials.
 */
final class RequiredCredentials implements Fault {

    private final String bearerToken;
    private final String apiKey;

    /** @param bearerToken null when only the API key is accepted, and the other way round */
    RequiredCredentials(String bearerToken, String apiKey) {
        this.bearerToken = bearerToken;
        this.apiKey = apiKey;
    }

    @Override
    public SandboxResponse answer(SandboxRequest request, SandboxHandler next) {
        boolean tokenMatches = bearerToken != null && bearerToken.equals(request.bearerToken());
        boolean keyMatches = apiKey != null && request.parameter("api_key").filter(apiKey::equals).isPresent();
        return tokenMatches || keyMatches ? next.handle(request) : TmdbError.INVALID_API_KEY.response();
    }
}

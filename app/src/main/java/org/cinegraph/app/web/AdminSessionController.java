package org.cinegraph.app.web;

import java.security.Principal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets the dashboard check a login before it offers the admin actions, and hands it the CSRF token its actions must
 * carry (a browser's state-changing requests need it; see {@link SecurityConfiguration}). The API keeps no session:
 * this only tells whether the credentials sent are right, and like every admin endpoint it answers 401 when they are
 * not. The token's other half is in a cookie only this site's pages send back, so another site's page can neither
 * read the token nor make a request that matches it.
 */
@RestController
class AdminSessionController {

    @GetMapping("/api/admin/session")
    AdminSession session(Principal admin, CsrfToken csrf) {
        return new AdminSession(admin.getName(), new Csrf(csrf.getHeaderName(), csrf.getToken()));
    }

    record AdminSession(String user, Csrf csrf) {
    }

    /** The header a browser's state-changing admin request carries, and its value. */
    record Csrf(String header, String token) {
    }
}

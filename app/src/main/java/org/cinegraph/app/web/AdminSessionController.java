package org.cinegraph.app.web;

import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets the dashboard check a login before it offers the admin actions. The API keeps no session: this only
 * tells whether the credentials sent are right, and like every admin endpoint it answers 401 when they are not.
 */
@RestController
class AdminSessionController {

    @GetMapping("/api/admin/session")
    AdminSession session(Principal admin) {
        return new AdminSession(admin.getName());
    }

    record AdminSession(String user) {
    }
}

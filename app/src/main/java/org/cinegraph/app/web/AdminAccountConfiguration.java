package org.cinegraph.app.web;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one admin account, user {@code admin} (exactly: no other spelling). Its password comes from
 * {@code cinegraph.admin.password} (or the environment variable {@code CINEGRAPH_ADMIN_PASSWORD}); without one, a
 * random password is generated for the run and printed once to the console (standard output), never to the log, so
 * a first run is usable and never runs with a guessable default.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccountConfiguration {

    static final String USER = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminAccountConfiguration.class);
    private static final int GENERATED_PASSWORD_BYTES = 18;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService adminAccount(@Value("${cinegraph.admin.password:}") String configuredPassword,
                                    PasswordEncoder encoder) {
        String password = configuredPassword;
        if (password.isBlank()) {
            password = generatePassword();
            log.warn("No admin password configured (cinegraph.admin.password or CINEGRAPH_ADMIN_PASSWORD): one was "
                    + "generated for this run and printed to the console, not to the log.");
            printToConsole(System.out, password);
        }
        UserDetails admin = User.withUsername(USER)
                .password(encoder.encode(password))
                .roles(SecurityConfiguration.ADMIN)
                .build();
        return username -> {
            // Spring's in-memory store would match "ADMIN" too; the user name is matched exactly.
            if (!USER.equals(username)) {
                throw new UsernameNotFoundException("No such user");
            }
            return User.withUserDetails(admin).build();
        };
    }

    static void printToConsole(PrintStream console, String password) {
        console.println();
        console.println("  Cinegraph admin password generated for this run (no cinegraph.admin.password is set):");
        console.println("      user 'admin', password: " + password);
        console.println("  It is shown only here, once; set cinegraph.admin.password to choose your own.");
        console.println();
        console.flush();
    }

    private static String generatePassword() {
        byte[] random = new byte[GENERATED_PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

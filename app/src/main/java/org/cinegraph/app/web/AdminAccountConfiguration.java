package org.cinegraph.app.web;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The one admin account. Its password comes from {@code cinegraph.admin.password} (or the environment
 * variable {@code CINEGRAPH_ADMIN_PASSWORD}); without one, a random password is generated and logged once,
 * so a first run is usable and never runs with a guessable default.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccountConfiguration {

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
            log.warn("No admin password configured (cinegraph.admin.password or CINEGRAPH_ADMIN_PASSWORD). "
                    + "Generated one for this run; user 'admin', password: {}", password);
        }
        return new InMemoryUserDetailsManager(User.withUsername("admin")
                .password(encoder.encode(password))
                .roles(SecurityConfiguration.ADMIN)
                .build());
    }

    private static String generatePassword() {
        byte[] random = new byte[GENERATED_PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

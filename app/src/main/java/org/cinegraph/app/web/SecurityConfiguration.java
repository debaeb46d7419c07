package org.cinegraph.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

/**
 * Reads are open; {@code /api/admin/**} and the actuator's endpoints but health, info and prometheus need HTTP Basic
 * credentials of user {@code admin}. The API keeps no session: every admin request carries its credentials.
 * <p>
 * A browser, though, sends credentials it once typed into its own login prompt with any page's request, a hostile
 * page's form among them. So a state-changing request that a browser sends (it says where it comes from in
 * {@code Origin} or {@code Sec-Fetch-Site}, which no page can take off a cross-origin request, and often in
 * {@code Referer}) must carry Spring Security's CSRF token in a header, from this site's own origin
 * ({@link HeaderOnlyCsrfTokens}); only the dashboard can read the token ({@code GET /api/admin/session}). A script
 * such as {@code curl -u} sends none of those headers and needs no token. Failed logins are throttled per client
 * ({@link LoginThrottle}) before any password is checked.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemDetailsSecurityHandler problems, LoginThrottle throttle)
            throws Exception {
        return http
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens())
                        .csrfTokenRequestHandler(new HeaderOnlyCsrfTokens())
                        .requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
                                SecurityConfiguration::sentByBrowser)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // Prometheus scrapes without credentials, as scrapers usually do; the figures hold no
                        // secret and no movie (README, "Metrics").
                        .requestMatchers("/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .anyRequest().permitAll())
                .addFilterBefore(new LoginThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)))
                .build();
    }

    /**
     * No observation around Spring Security's filters at all: with their observations switched off
     * ({@code management.observations.enable.spring.security}) each filter was still wrapped, at a twentieth of a
     * kept dashboard read's CPU. Requests are still timed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The token's cookie: sent back only by this site's own pages ({@code SameSite=Strict}), never readable by
     * script (the dashboard receives the token in {@code GET /api/admin/session}'s answer), {@code Secure} over
     * HTTPS.
     */
    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    /** Whether a browser sent this request: browsers say where a request comes from, scripts do not. */
    static boolean sentByBrowser(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ORIGIN) != null
                || request.getHeader(HeaderOnlyCsrfTokens.FETCH_SITE) != null
                || request.getHeader(HttpHeaders.REFERER) != null;
    }
}

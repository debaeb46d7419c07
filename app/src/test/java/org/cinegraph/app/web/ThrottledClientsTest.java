package org.cinegraph.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who counts as one client for the login throttle. */
class ThrottledClientsTest {

    @Test
    void anIpv4AddressIsOneClient() {
        assertThat(LoginThrottle.client("203.0.113.1")).isEqualTo("203.0.113.1")
                .isNotEqualTo(LoginThrottle.client("203.0.113.2"));
    }

    @Test
    void anIpv6AddressCountsAsItsSlash64() {
        assertThat(LoginThrottle.client("2001:db8:1:2:3:4:5:6")).isEqualTo(LoginThrottle.client("2001:db8:1:2::9"))
                .isEqualTo(LoginThrottle.client("[2001:db8:1:2::ffff]".replace("[", "").replace("]", "")))
                .isNotEqualTo(LoginThrottle.client("2001:db8:1:3::9"));
        assertThat(LoginThrottle.client("::1")).isNotEqualTo(LoginThrottle.client("2001:db8::1"));
    }
}

package org.cinegraph.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A webhook's settings are checked at start without ever showing them; only its host is ever shown. */
class WebhookTest {

    private static final String URL = "https://hooks.example.com/services/T0SECRET/B0SECRET?token=q0secret";

    @Test
    void aUrlThatIsNotAbsoluteHttpIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> Webhook.of("ftp://hooks.example.com/T0SECRET", ""))
                .hasMessageStartingWith("cinegraph.alerts.webhook-url must be an absolute http or https URL")
                .hasMessageNotContaining("T0SECRET");
        assertThatThrownBy(() -> Webhook.of("hooks/T0SECRET", ""))
                .hasMessageStartingWith("cinegraph.alerts.webhook-url must be an absolute http or https URL");
        assertThatThrownBy(() -> Webhook.of("https://hooks example/T0SECRET", ""))
                .hasMessageStartingWith("cinegraph.alerts.webhook-url is not a URL").hasMessageNotContaining("T0SECRET");
    }

    @Test
    void aHeaderNotOfTheFormNameValueOrOneTheClientSetsIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> Webhook.of(URL, "Bearer h0secret"))
                .hasMessageStartingWith("cinegraph.alerts.webhook-header must be \"Name: value\"")
                .hasMessageNotContaining("h0secret");
        assertThatThrownBy(() -> Webhook.of(URL, "Host: h0secret"))
                .hasMessageContaining("names a header the HTTP client sets itself: Host")
                .hasMessageNotContaining("h0secret");
    }

    @Test
    void theHeaderIsSentAndOnlyTheHostIsEverShown() {
        Webhook webhook = Webhook.of(URL, "Authorization: Bearer h0secret");

        assertThat(webhook.post("{}").headers().firstValue("Authorization")).contains("Bearer h0secret");
        assertThat(webhook.host()).isEqualTo("hooks.example.com");
        assertThat(webhook.toString()).isEqualTo("webhook on hooks.example.com");
        assertThat(webhook.masked("could not reach " + URL + " with Bearer h0secret; path /services/T0SECRET/B0SECRET"))
                .doesNotContain("SECRET").doesNotContain("secret").contains("hooks.example.com");
    }
}

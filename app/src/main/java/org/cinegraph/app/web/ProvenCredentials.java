package org.cinegraph.app.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Authorization} headers that proved right in the last ten minutes, kept only as an HMAC under a key made at
 * start (never the header, never the password), so that a request with them need not take one of its client's
 * login attempts ({@link LoginThrottle}). Its password is still checked.
 */
final class ProvenCredentials {

    private static final Duration KEPT = Duration.ofMinutes(10);
    private static final String HMAC = "HmacSHA256";

    private final Cache<String, Boolean> proven = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(KEPT)
            .build();
    private final SecretKeySpec key;

    ProvenCredentials() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, HMAC);
    }

    boolean contains(String authorization) {
        return proven.getIfPresent(fingerprint(authorization)) != null;
    }

    void add(String authorization) {
        proven.put(fingerprint(authorization), Boolean.TRUE);
    }

    void remove(String authorization) {
        proven.invalidate(fingerprint(authorization));
    }

    private String fingerprint(String authorization) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

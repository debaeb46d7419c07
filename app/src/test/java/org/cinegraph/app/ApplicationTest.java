package org.cinegraph.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port, on an embedded PostgreSQL of its own in a fresh data directory
 * under {@code target/}, its daily schedule and its automatic sweep of TMDb's export off. Test classes with the same
 * annotation share one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CinegraphApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cinegraph.data-dir=target/test-data/${random.uuid}",
        "cinegraph.admin.password=" + ApplicationTest.ADMIN_PASSWORD,
        // A test that happens to run at the daily tick must not see the pass start a year of its own.
        "cinegraph.schedule.enabled=false",
        // Nor a sweep of TMDb's export start by itself when a test completes a range.
        "cinegraph.import.export-sweep=false"
})
public @interface ApplicationTest {

    String ADMIN_PASSWORD = "test-admin-password";
}

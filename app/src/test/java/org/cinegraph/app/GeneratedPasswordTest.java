package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Without a configured password, one is generated and printed exactly once to the console, on a line of its own that
 * no logger wrote (the log only says that it was printed), and it works.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cinegraph.data-dir=target/test-data/password-${random.uuid}", "cinegraph.admin.password="})
class GeneratedPasswordTest {

    private static final Pattern GENERATED = Pattern.compile("user 'admin', password: (\\S+)");

    @Autowired
    private TestRestTemplate http;

    @Test
    void theGeneratedPasswordIsPrintedOnceNotLoggedAndOpensTheAdminApi(CapturedOutput output) {
        Matcher matcher = GENERATED.matcher(output.getAll());
        assertThat(matcher.find()).as("the generated password is printed").isTrue();
        String password = matcher.group(1);
        assertThat(output.getAll().split(Pattern.quote(password), -1)).as("printed exactly once").hasSize(2);
        assertThat(output.getErr()).doesNotContain(password);
        String line = output.getAll().lines().filter(each -> each.contains(password)).findFirst().orElseThrow();
        assertThat(line).as("a console line, not a log line").isEqualTo("      user 'admin', password: " + password);
        assertThat(output.getAll()).contains("generated for this run and printed to the console, not to the log");

        assertThat(http.withBasicAuth("admin", password)
                .postForEntity("/api/admin/imports/years/2019", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
    }
}

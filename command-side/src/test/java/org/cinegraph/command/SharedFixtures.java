package org.cinegraph.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real-world fixtures in {@code shared/fixtures} beside the checkout (real TMDb answers, the saved ceremony
 * page): read where they lie at test time, not copied into the project. Their README
 * ({@code ../shared/fixtures/README.md}) asks the project to keep its own committed fixtures small and self-made,
 * forbids committing the ceremony page, and allows TMDb's answers only with their licence notice.
 *
 * <p>A developer's clone may have no {@code ../shared}: a test that needs it is then skipped, saying which folder
 * it missed. CI always has the folder, and there a missing folder must fail the build rather than let the tests
 * on real data pass unrun: {@code .ci/run} sets {@value #SETTING}{@code =required}, as it sets
 * {@code CINEGRAPH_BROWSER_TESTS=required} for the browser tests.
 *
 * <p>{@code command-side} publishes this class in its test jar, on which {@code app}'s tests depend, so it exists once.
 */
public final class SharedFixtures {

    /** The environment variable that, set to {@code required}, turns a skip for want of the folder into a failure. */
    public static final String SETTING = "CINEGRAPH_SHARED_FIXTURES";

    private SharedFixtures() {
    }

    /**
     * {@code shared/fixtures/<name>} beside the checkout; the calling test is skipped when it is not there, or
     * fails when {@value #SETTING} is {@code required}.
     *
     * @param name a folder of the fixtures: {@code tmdb}, {@code oscars}
     */
    public static Path folder(String name) {
        return folder(name, find(Path.of("").toAbsolutePath(), name), System.getenv(SETTING));
    }

    static Path folder(String name, Optional<Path> found, String setting) {
        if (found.isPresent()) {
            return found.get();
        }
        String missing = "../shared/fixtures/" + name + " is not beside this checkout (looked beside "
                + Path.of("").toAbsolutePath() + " and each folder above it): the tests on that real data "
                + "cannot run";
        if ("required".equals(setting)) {
            return Assertions.fail(missing + ", and " + SETTING + "=required says they must.");
        }
        return Assumptions.abort(missing + "; skipped (" + SETTING + "=required makes this a failure).");
    }

    /**
     * The first {@code shared/fixtures/<name>} found beside {@code from} or one of the folders above it: tests run
     * in their module's folder, one below the checkout, and a checkout may be a worktree further down.
     */
    static Optional<Path> find(Path from, String name) {
        // The root has no sibling: its resolveSibling would be a relative path, read from the working folder.
        for (Path folder = from; folder != null && folder.getParent() != null; folder = folder.getParent()) {
            Path candidate = folder.resolveSibling("shared").resolve("fixtures").resolve(name);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

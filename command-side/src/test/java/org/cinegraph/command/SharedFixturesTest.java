package org.cinegraph.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Where the real-world fixtures are missing, a test on them is skipped on a developer's clone and fails in CI. */
class SharedFixturesTest {

    @TempDir
    Path root;

    @Test
    void theFolderIsFoundBesideTheCheckoutFromAModuleOrAWorktreeBelowIt() throws IOException {
        Path tmdb = Files.createDirectories(root.resolve("shared/fixtures/tmdb"));
        Path module = Files.createDirectories(root.resolve("main/command-side"));
        Path worktreeModule = Files.createDirectories(root.resolve("main/worktrees/wt-1/command-side"));

        assertThat(SharedFixtures.find(module, "tmdb")).contains(tmdb);
        assertThat(SharedFixtures.find(worktreeModule, "tmdb")).contains(tmdb);
        assertThat(SharedFixtures.find(module, "oscars")).isEmpty();
        assertThat(SharedFixtures.folder("tmdb", Optional.of(tmdb), "required")).isEqualTo(tmdb);
    }

    @Test
    void aMissingFolderSkipsTheTestSayingWhy() {
        assertThatThrownBy(() -> SharedFixtures.folder("tmdb", Optional.empty(), null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("../shared/fixtures/tmdb is not beside this checkout")
                .hasMessageContaining("CINEGRAPH_SHARED_FIXTURES=required makes this a failure");
        assertThatThrownBy(() -> SharedFixtures.folder("tmdb", Optional.empty(), "yes please"))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aMissingFolderFailsTheTestWhereItIsRequired() {
        assertThatThrownBy(() -> SharedFixtures.folder("oscars", Optional.empty(), "required"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("../shared/fixtures/oscars is not beside this checkout")
                .hasMessageContaining("CINEGRAPH_SHARED_FIXTURES=required says they must");
    }
}

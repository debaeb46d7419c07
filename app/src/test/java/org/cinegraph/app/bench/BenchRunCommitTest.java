package org.cinegraph.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit a report names: the tree's HEAD, marked {@code -dirty} by a change outside {@code bench/results} only,
 * since a run rewrites that folder's tracked reports itself; nothing where git cannot say.
 */
class BenchRunCommitTest {

    @TempDir
    Path tree;

    @Test
    void aChangeOutsideTheResultsMarksTheCommitDirtyAndTheRunsOwnReportsDoNot() throws Exception {
        Files.writeString(tree.resolve("README.md"), "figures\n");
        Files.createDirectories(tree.resolve("bench/results"));
        Files.writeString(tree.resolve("bench/results/latest.md"), "a run\n");
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-q", "-m", "figures");
        String head = git("rev-parse", "--short=7", "HEAD");

        assertThat(BenchRun.commit(tree)).isEqualTo(head).matches("[0-9a-f]{7}");

        Files.writeString(tree.resolve("bench/results/latest.md"), "the next run\n");
        Files.writeString(tree.resolve("bench/results/replay-latest.md"), "a report not committed\n");
        assertThat(BenchRun.commit(tree)).as("the run's own reports").isEqualTo(head);

        Files.writeString(tree.resolve("README.md"), "figures changed by hand\n");
        assertThat(BenchRun.commit(tree)).isEqualTo(head + "-dirty");
    }

    @Test
    void aTreeGitDoesNotKnowNamesNoCommit(@TempDir Path notAClone) {
        assertThat(BenchRun.commit(notAClone)).isEmpty();
    }

    private String git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).directory(tree.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(git.getInputStream().readAllBytes()).trim();
        assertThat(git.waitFor()).as("git %s", String.join(" ", arguments)).isZero();
        return out;
    }
}

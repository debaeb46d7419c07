package org.cinegraph.command.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ids of one export as bits: what counts, what is missing, what was removed and what came back. */
class ExportIdsTest {

    private static final ExportEntry PLAIN = new ExportEntry(10, false, false, "plain");
    private static final ExportEntry ADULT = new ExportEntry(20, true, false, "adult");
    private static final ExportEntry VIDEO = new ExportEntry(30, false, true, "video");
    private static final ExportEntry ADULT_VIDEO = new ExportEntry(40, true, true, "adult video");
    private static final List<ExportEntry> EVERY_KIND = List.of(PLAIN, ADULT, VIDEO, ADULT_VIDEO);

    @Test
    void everyEntryIsListedButOnlyThoseTheSettingsIncludeAreCounted() {
        assertThat(counted(false, false)).containsExactly(10);
        assertThat(counted(true, false)).containsExactly(10, 20);
        assertThat(counted(false, true)).containsExactly(10, 30);
        assertThat(counted(true, true)).containsExactly(10, 20, 30, 40);
        for (boolean adult : new boolean[] {false, true}) {
            for (boolean video : new boolean[] {false, true}) {
                ExportIds ids = read(new BitSet(), adult, video, EVERY_KIND);
                assertThat(ids.listed()).as("listed, adult %s video %s", adult, video).isEqualTo(4);
                assertThat(ids.counted()).isEqualTo(counted(adult, video).size());
            }
        }
    }

    @Test
    void anIdTheCatalogueHoldsCountsEvenWhenTheSettingsLeaveItsKindOut() {
        ExportIds ids = read(bits(20, 40), false, false, EVERY_KIND);

        assertThat(ids.counted()).isEqualTo(3);
        assertThat(ids.countedBetween(0, 40)).isEqualTo(3);
        assertThat(ids.missingAfter(0)).containsExactly(10);
        assertThat(ids.missing()).isEqualTo(1);
    }

    @Test
    void anIdListedTwiceIsOneMovie() {
        ExportIds ids = read(new BitSet(), false, false,
                List.of(PLAIN, PLAIN, new ExportEntry(10, false, false, "renamed"), ADULT, ADULT));

        assertThat(ids.listed()).isEqualTo(2);
        assertThat(ids.counted()).isEqualTo(1);
    }

    @Test
    void theMissingIdsComeInAscendingOrderAndResumeAfterAnyId() {
        BitSet held = bits(5, 9, 500);
        List<ExportEntry> entries = IntStream.of(700, 9, 3, 5, 42, 500, 1_000_000, 8)
                .mapToObj(id -> new ExportEntry(id, false, false, null)).toList();
        ExportIds ids = read(held, false, false, entries);

        assertThat(ids.missingAfter(0)).containsExactly(3, 8, 42, 700, 1_000_000);
        assertThat(ids.missing()).isEqualTo(5);
        // A sweep stopped after 8 goes on with the next missing id, and after one that is not missing too.
        assertThat(ids.missingAfter(8)).containsExactly(42, 700, 1_000_000);
        assertThat(ids.missingAfter(9)).containsExactly(42, 700, 1_000_000);
        assertThat(ids.missingAfter(1_000_000)).isEmpty();
        assertThat(ids.countedBetween(0, 8)).isEqualTo(3);
        assertThat(ids.countedBetween(0, 0)).isZero();
        assertThat(ids.countedBetween(0, -1)).isZero();
    }

    @Test
    void anIdHeldButNoLongerListedIsARemovalOnce() {
        BitSet held = bits(10, 20, 30, 77, 88);
        ExportIds ids = read(held, false, false, List.of(PLAIN, ADULT, VIDEO));

        // 77 and 88 are held and not listed; 88 is recorded as removed already. Adult 20 is listed, so it stays.
        assertThat(ids.removals(bits(88)).stream()).containsExactly(77);
        assertThat(ids.removals(new BitSet()).stream()).containsExactly(77, 88);
        assertThat(held.stream()).as("the held ids are not changed").containsExactly(10, 20, 30, 77, 88);
    }

    @Test
    void anIdRecordedAsRemovedThatIsListedAgainIsARestoration() {
        ExportIds ids = read(bits(10, 20, 30), false, false, List.of(PLAIN, ADULT_VIDEO));

        BitSet removed = bits(30, 40, 55);
        assertThat(ids.restorations(removed).stream()).containsExactly(40);
        assertThat(removed.stream()).as("the removed ids are not changed").containsExactly(30, 40, 55);
        assertThat(ids.removals(removed).stream()).containsExactly(20);
    }

    private static List<Integer> counted(boolean includeAdult, boolean includeVideo) {
        ExportIds ids = read(new BitSet(), includeAdult, includeVideo, EVERY_KIND);
        return IntStream.rangeClosed(0, 50).filter(id -> ids.countedBetween(0, id) > ids.countedBetween(0, id - 1))
                .boxed().toList();
    }

    private static ExportIds read(BitSet held, boolean includeAdult, boolean includeVideo, List<ExportEntry> entries) {
        ExportIds ids = new ExportSettings(includeAdult, includeVideo).ids(held);
        entries.forEach(ids);
        return ids;
    }

    private static BitSet bits(int... ids) {
        BitSet bits = new BitSet();
        IntStream.of(ids).forEach(bits::set);
        return bits;
    }
}

package org.cinegraph.command.catalogue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cinegraph.command.ledger.AfterCommit;
import org.cinegraph.events.ImportSource;
import org.springframework.stereotype.Component;

/**
 * {@code cinegraph.movies.recorded}: the outcomes the ledger recorded, by {@code outcome} (imported, skipped, failed)
 * and by {@code source}, the kind of source alone ({@code year_import}, {@code export}, {@code festival},
 * {@code list}: a list's key is an admin's to choose, and would make the series as many as the lists). Counted once
 * the transaction that recorded them commits, so a batch rolled back (its year lost to another node) counts nothing;
 * a failure retried and failing again counts again. Every series exists from the start, at zero.
 */
@Component
class RecordedOutcomeMeters {

    static final String RECORDED = "cinegraph.movies.recorded";

    private final Map<MovieOutcome.Kind, Map<ImportSource.Kind, Counter>> counters =
            new EnumMap<>(MovieOutcome.Kind.class);

    RecordedOutcomeMeters(MeterRegistry meters) {
        for (MovieOutcome.Kind outcome : MovieOutcome.Kind.values()) {
            Map<ImportSource.Kind, Counter> bySource = new EnumMap<>(ImportSource.Kind.class);
            for (ImportSource.Kind source : ImportSource.Kind.values()) {
                bySource.put(source, Counter.builder(RECORDED)
                        .tag("outcome", outcome.column())
                        .tag("source", source.name().toLowerCase(Locale.ROOT))
                        .description("Movies whose outcome the importer recorded, by outcome and source")
                        .register(meters));
            }
            counters.put(outcome, bySource);
        }
    }

    /** Counts the outcomes once the transaction in progress, which records them, has committed. */
    void recorded(List<MovieOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<Counter> counted = outcomes.stream()
                .map(outcome -> counters.get(outcome.kind()).get(outcome.source().kind())).toList();
        AfterCommit.run(() -> counted.forEach(Counter::increment));
    }
}

package org.cinegraph.command.festival;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.cinegraph.events.RecordCeremony;
import org.cinegraph.events.RecordCeremony.Category;
import org.cinegraph.events.RecordCeremony.Nomination;

/**
 * What a ceremony page holds: its number and its categories, each with its nominations, in page order, in the
 * shapes {@link RecordCeremony} records them in.
 */
record ParsedCeremony(int ceremonyNumber, List<Category> categories) {

    ParsedCeremony {
        categories = List.copyOf(categories);
    }

    /** Records this reading of the organization's ceremony held in {@code year}, whose page is {@code sourceUrl}. */
    RecordCeremony toRecord(String organization, int year, String sourceUrl) {
        return new RecordCeremony(organization, year, ceremonyNumber, sourceUrl, contentHash(), categories);
    }

    int nominationCount() {
        return categories.stream().mapToInt(category -> category.nominations().size()).sum();
    }

    long winnerCount() {
        return categories.stream().flatMap(category -> category.nominations().stream())
                .filter(Nomination::winner).count();
    }

    /**
     * SHA-256 of what was parsed, in a fixed text form: the same ceremony read again hashes the same, whatever
     * else the page carries (scripts, tokens, layout), and any change of a nomination hashes differently.
     */
    String contentHash() {
        StringBuilder text = new StringBuilder().append(ceremonyNumber).append('\n');
        for (Category category : categories) {
            text.append("C\t").append(category.name()).append('\n');
            for (Nomination nomination : category.nominations()) {
                text.append("N\t").append(nomination.film()).append('\t').append(String.join("|", nomination.names()))
                        .append('\t').append(nomination.detail()).append('\t').append(nomination.winner()).append('\n');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

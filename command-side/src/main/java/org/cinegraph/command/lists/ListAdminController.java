package org.cinegraph.command.lists;

import static org.cinegraph.kernel.problems.Problems.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.cinegraph.command.node.BackgroundActions;
import org.cinegraph.events.ListEntry;
import org.cinegraph.events.RecordCanonicalList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports a canonical list: an IMDb list export, sent as the request body ({@code text/csv}) or as the
 * {@code file} of a form. The list is recorded whole at once (202); its members are then looked up in TMDb and
 * their movies imported in the background, and show in {@code GET /api/lists/{key}} as they are found.
 */
@RestController
record ListAdminController(CommandGateway commands, ListMatcher matcher, BackgroundActions background) {

    /** A list's key: lower case letters, digits, '-' and '_', as it appears in a failure's source. */
    static final Pattern KEY = Pattern.compile(ListMatcher.KEY_PATTERN);
    /** Far more than an IMDb export of the largest list (10,000 titles, about 2 MB). */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ListAdminController.class);

    /** The lists' lookups, one list at a time, in upload order. */
    private static final String LOOKUPS = "list lookups";

    @PostMapping(value = "/api/admin/lists/{key}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ListAccepted> importForm(@PathVariable String key, @RequestParam("file") MultipartFile file) {
        requireKey(key);
        try (InputStream body = file.getInputStream()) {
            return importList(key, read(body));
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file could not be read", e);
        }
    }

    /** {@code text/csv} only: what IMDb exports, and nothing a form on another site can send unasked. */
    @PostMapping(value = "/api/admin/lists/{key}", consumes = "text/csv")
    ResponseEntity<ListAccepted> importBody(@PathVariable String key, HttpServletRequest request) throws IOException {
        requireKey(key);
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream body = request.getInputStream()) {
            return importList(key, read(body));
        }
    }

    private ResponseEntity<ListAccepted> importList(String key, byte[] upload) {
        List<ListEntry> entries;
        try {
            entries = ListCsv.parse(upload);
        } catch (ListCsv.BadListException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Not an IMDb list export", e.getMessage());
        }
        BackgroundActions.Reservation lookup = background.reserve(LOOKUPS, "Looking list " + key + " up")
                .orElseThrow(() -> problem(HttpStatus.CONFLICT, "List import already running",
                        "The members of list '" + key + "' are being looked up in TMDb; upload it again when that is "
                                + "done (GET /api/lists/" + key + " shows how far it is)."));
        CanonicalList.Recorded recorded;
        try {
            recorded = commands.sendAndWait(new RecordCanonicalList(key, ListCsv.contentHash(entries), entries));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            lookup.cancel();
            throw problem(HttpStatus.CONFLICT, "List being uploaded", "List '" + key + "' was uploaded by another "
                    + "request at the same moment; GET /api/lists/" + key + " shows which one was recorded.");
        } catch (RuntimeException e) {
            lookup.cancel();
            throw e;
        }
        lookup.run(() -> lookUp(key));
        return ResponseEntity.accepted().location(URI.create("/api/lists/" + key))
                .body(new ListAccepted(key, entries.size(), recorded.changed(), recorded.added(), recorded.removed()));
    }

    private void lookUp(String key) {
        try {
            ListMatcher.Summary summary = matcher.match(key, true);
            log.info("List {}: {} members found in TMDb, {} not", key, summary.found(), summary.notFound());
        } catch (RuntimeException e) {
            log.warn("List {}: looking its members up stopped: {}", key, e.getMessage());
        }
    }

    private static byte[] read(InputStream body) throws IOException {
        byte[] upload = body.readNBytes(MAX_BYTES + 1);
        if (upload.length > MAX_BYTES) {
            throw tooLarge();
        }
        return upload;
    }

    private static void requireKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "Bad list key", "A list's key is 1 to 56 lower-case letters, "
                    + "digits, '-' and '_', starting with a letter or digit (e.g. 'criterion-collection').");
        }
    }

    private static ErrorResponseException tooLarge() {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "List too large", "An IMDb list export is at most "
                + MAX_BYTES / (1024 * 1024) + " MB here; the largest IMDb list (10,000 titles) is about 2 MB.");
    }

    /**
     * What an upload recorded: {@code changed} is false when it is the list as last uploaded (nothing new is
     * recorded); {@code added} and {@code removed} count the IMDb ids that joined and left the list.
     */
    record ListAccepted(String key, int entries, boolean changed, int added, int removed) {
    }
}

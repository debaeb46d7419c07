package org.cinegraph.query.festivals;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The festivals read API: organizations, their ceremonies, and one ceremony's categories and nominations. */
@RestController
record FestivalsController(FestivalRepository organizations, CeremonyRepository ceremonies,
                           CeremonyCategoryRepository categories, NominationRepository nominations) {

    @GetMapping("/api/festivals")
    List<Festival> festivals() {
        return organizations.festivals();
    }

    /** The organization's ceremonies, newest first. */
    @GetMapping("/api/festivals/{organization}/ceremonies")
    List<CeremonySummary> ceremonies(@PathVariable String organization) {
        requireOrganization(organization);
        return ceremonies.summaries(organization);
    }

    @GetMapping("/api/festivals/{organization}/ceremonies/{year}")
    CeremonyView ceremony(@PathVariable String organization, @PathVariable int year) {
        requireOrganization(organization);
        int number = ceremonies.findById(new CeremonyRow.Key(organization, year)).map(CeremonyRow::ceremonyNumber)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Ceremony not found", "No " + organization
                        + " ceremony of " + year + " has been recorded."));
        Map<String, List<NominationView>> byCategory = new LinkedHashMap<>();
        categories.findByOrganizationAndYearOrderByPosition(organization, year)
                .forEach(category -> byCategory.put(category.name(), new ArrayList<>()));
        nominations.findByOrganizationAndYearOrderByPosition(organization, year)
                .forEach(nomination -> byCategory.computeIfAbsent(nomination.category(), name -> new ArrayList<>())
                        .add(nomination.view()));
        return new CeremonyView(year, number, byCategory.entrySet().stream()
                .map(category -> new CategoryView(category.getKey(), category.getValue())).toList());
    }

    private void requireOrganization(String organization) {
        if (!organizations.existsById(organization)) {
            throw problem(HttpStatus.NOT_FOUND, "Unknown festival", "No festival organization '" + organization
                    + "' is recorded; the Academy (AMPAS) is, once a ceremony of it was imported.");
        }
    }

    record CeremonyView(int year, int ceremonyNumber, List<CategoryView> categories) {
    }

    record CategoryView(String name, List<NominationView> nominations) {
    }

    /** {@code tmdbId} and {@code imdbId} are null while the nomination is matched to no movie. */
    record NominationView(String film, List<String> names, String detail, boolean winner, Integer tmdbId,
                          String imdbId) {
    }
}

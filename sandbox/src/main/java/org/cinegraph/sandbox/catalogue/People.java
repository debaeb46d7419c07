package org.cinegraph.sandbox.catalogue;

import java.util.List;

import org.cinegraph.sandbox.catalogue.MovieDetails.Person;

/**
 * A fixed pool of made-up film people. A person's id, name and profile depend only on the seed and their
 * place in the pool, so the same person keeps the same id in every movie's credits, as on TMDb.
 */
final class People {

    private static final List<String> WOMEN = List.of(
            "Amelia", "Beatriz", "Camille", "Dana", "Elena", "Freya", "Greta", "Hazel", "Ingrid", "Julia",
            "Keiko", "Leonor", "Maren", "Nora", "Olivia", "Priya", "Rosa", "Sana", "Talia", "Yara");

    private static final List<String> MEN = List.of(
            "Anders", "Bruno", "Callum", "Dmitri", "Emil", "Farid", "Gustav", "Hugo", "Ivo", "Jasper",
            "Kenji", "Lucas", "Matteo", "Niko", "Owen", "Pablo", "Quentin", "Rune", "Samir", "Victor");

    private static final List<String> SURNAMES = List.of(
            "Albrecht", "Barros", "Castellan", "Delacroix", "Eriksen", "Fontaine", "Garibaldi", "Halloran",
            "Ishikawa", "Jablonski", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
            "Quintero", "Rasmussen", "Sorensen", "Takahashi", "Ulrich", "Valdez", "Whitlock", "Yilmaz",
            "Zamora", "Abernathy", "Bellweather", "Cardoso", "Draper", "Esposito");

    private static final List<String> CREW_DEPARTMENTS = List.of(
            "Directing", "Writing", "Production", "Sound", "Camera", "Editing");

    private static final int FIRST_PERSON_ID = 1_100_000;
    private static final long PERSON_STREAM = 301;

    private People() {
    }

    static Person draw(Draws draws, long seed) {
        boolean woman = draws.chance(0.5);
        int firstName = woman ? draws.nextInt(WOMEN.size()) : WOMEN.size() + draws.nextInt(MEN.size());
        return person(firstName * SURNAMES.size() + draws.nextInt(SURNAMES.size()), seed);
    }

    private static Person person(int number, long seed) {
        int firstName = number / SURNAMES.size();
        boolean woman = firstName < WOMEN.size();
        String name = (woman ? WOMEN.get(firstName) : MEN.get(firstName - WOMEN.size()))
                + " " + SURNAMES.get(number % SURNAMES.size());
        Draws draws = new Draws(seed, PERSON_STREAM, number);
        String knownFor = draws.chance(0.75) ? "Acting" : draws.pick(CREW_DEPARTMENTS);
        double popularity = Draws.thousandths(0.6 + 30.0 * Math.pow(draws.nextDouble(), 3));
        String profilePath = draws.chance(0.8) ? draws.imagePath("jpg") : null;
        return new Person(FIRST_PERSON_ID + number, name, woman ? 1 : 2, knownFor, popularity, profilePath);
    }
}

package org.cinegraph.query.movies;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MovieYearCountRepository extends Repository<MovieYearCountRow, Integer> {

    @Query("select c.movies from MovieYearCountRow c where c.year = :year")
    Optional<Integer> counted(int year);

    /** The movies imported of {@code year}: none until the projection counted one. */
    default long moviesOf(int year) {
        return counted(year).orElse(0);
    }
}

package org.cinegraph.query.movies;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface MovieYearCountRepository extends Repository<MovieYearCountRow, Integer> {

    Optional<MovieYearCountRow> findById(int year);

    /** The movies imported of {@code year}: none until the projection counted one. */
    default long moviesOf(int year) {
        return findById(year).map(MovieYearCountRow::movies).orElse(0);
    }
}

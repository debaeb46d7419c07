package org.cinegraph.query.lists;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * A list's members in list order. A member found in TMDb takes the status of what became of its movie, from the
 * movie projections' tables: {@code imported}, {@code skipped}, {@code failed}, or still {@code found}.
 */
interface ListMemberRepository extends Repository<ListMemberRow, ListMemberRow.Key> {

    String MEMBERS = """
            (SELECT m.list_key, m.position, m.imdb_id, m.tmdb_id, m.title, m.year, m.reason, m.attempts,
                    CASE WHEN m.status <> 'found' THEN m.status
                         WHEN EXISTS (SELECT 1 FROM movies v WHERE v.tmdb_id = m.tmdb_id) THEN 'imported'
                         WHEN EXISTS (SELECT 1 FROM skipped_imports s WHERE s.tmdb_id = m.tmdb_id) THEN 'skipped'
                         WHEN EXISTS (SELECT 1 FROM import_failures f WHERE f.tmdb_id = m.tmdb_id) THEN 'failed'
                         ELSE 'found' END AS status
               FROM canonical_list_members m) AS members""";
    String COLUMNS = "SELECT position, imdb_id AS imdbId, tmdb_id AS tmdbId, title, year, status, reason, attempts"
            + " FROM " + MEMBERS;

    @Query(value = COLUMNS + " WHERE list_key = :key ORDER BY position",
            countQuery = "SELECT count(*) FROM canonical_list_members WHERE list_key = :key", nativeQuery = true)
    Page<ListMember> members(String key, Pageable page);

    @Query(value = COLUMNS + " WHERE list_key = :key AND status = :status ORDER BY position",
            countQuery = "SELECT count(*) FROM " + MEMBERS + " WHERE list_key = :key AND status = :status",
            nativeQuery = true)
    Page<ListMember> members(String key, String status, Pageable page);
}

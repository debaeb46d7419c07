package org.cinegraph.query.lists;

/** A member of a list as {@link ListMemberRepository} reads it: its status tells what became of its movie. */
interface ListMember {

    int getPosition();

    String getImdbId();

    Integer getTmdbId();

    String getTitle();

    Integer getYear();

    String getStatus();

    String getReason();

    int getAttempts();
}

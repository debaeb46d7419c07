package org.cinegraph.command.yearimport;

/**
 * A job was about to record for a year whose claim its node no longer holds: another node took the year over
 * (this node stalled past its lease), or the run ended. Nothing was recorded; the job stops.
 */
class ClaimLostException extends RuntimeException {

    ClaimLostException(int year) {
        super("This node no longer holds the claim on the import of " + year);
    }
}

package org.cinegraph.command.schedule;

/** The pass's database-wide lock, held until the transaction in progress ends. */
interface PassLock {

    void lock();
}

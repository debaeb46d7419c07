package org.cinegraph.command.ledger;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the database transaction in progress has committed. Axon's unit of work commits when its
 * command or event is handled, but when that joined a wider Spring transaction (the pass over the year range
 * starts a year inside its own), the rows it wrote are visible to other connections only when the wider one
 * commits: the Spring transaction's synchronization fires then.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(committed -> work.run());
        } else {
            work.run();
        }
    }
}

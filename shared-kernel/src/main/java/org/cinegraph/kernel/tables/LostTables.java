package org.cinegraph.kernel.tables;

import java.util.List;

/** The tables a side can tell are lost: missing, or present without rows they must hold (emptied by hand, say). */
public interface LostTables {

    List<String> lost();
}

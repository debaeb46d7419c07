package org.cinegraph.query.replay;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/** Every projection of the application, found by its {@link ProjectionTables} annotation. */
@Component
class Projections {

    private final Map<String, Projection> byName = new TreeMap<>();
    private final Map<String, String> beanByName = new TreeMap<>();
    private final ListableBeanFactory beans;

    Projections(ListableBeanFactory beans) {
        this.beans = beans;
        Set<String> claimed = new HashSet<>();
        for (String bean : beans.getBeanNamesForAnnotation(ProjectionTables.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(bean, ProcessingGroup.class);
            if (group == null) {
                throw new IllegalStateException(bean + " names projection tables but has no @ProcessingGroup");
            }
            ProjectionTables tables = beans.findAnnotationOnBean(bean, ProjectionTables.class);
            Projection projection = new Projection(group.value(), List.of(tables.value()),
                    Arrays.stream(tables.neverEmptyAfter()).map(Class::getName).toList());
            for (String table : projection.tables()) {
                if (!claimed.add(table)) {
                    throw new IllegalStateException("Table " + table + " is claimed by two projections");
                }
            }
            if (byName.putIfAbsent(projection.name(), projection) != null) {
                throw new IllegalStateException("Two beans claim tables for projection " + projection.name());
            }
            beanByName.put(projection.name(), bean);
        }
    }

    Collection<Projection> all() {
        return byName.values();
    }

    /** The bean whose event handlers make up the projection. */
    Object handlers(Projection projection) {
        return beans.getBean(beanByName.get(projection.name()));
    }

    Optional<Projection> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}

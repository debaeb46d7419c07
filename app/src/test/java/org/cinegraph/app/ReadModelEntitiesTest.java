package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Immutable;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hibernate maps the read models and nothing else (none of Axon's tables: Axon keeps its JDBC storage), each through
 * a read-only entity that matches the table Flyway made. The application itself validates nothing at start, so that
 * a projection table dropped by hand does not stop the node that rebuilds it; this test does, on a migrated database.
 */
@ApplicationTest
class ReadModelEntitiesTest {

    @Autowired
    private EntityManagerFactory entityManagers;

    @Test
    void hibernateMapsExactlyTheReadModelsTablesEachReadOnly() {
        List<String> tables = new ArrayList<>();
        List<Class<?>> entities = new ArrayList<>();
        entityManagers.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(entity -> {
            tables.add(entity.getMappedTableDetails().getTableName());
            entities.add(entity.getMappedClass());
        });

        assertThat(tables).containsExactlyInAnyOrder("year_progress", "import_state", "movies", "movie_year_counts",
                "skipped_imports", "import_failures", "festival_organizations", "festival_ceremonies",
                "festival_categories", "festival_nominations", "canonical_lists", "canonical_list_members",
                "health_alerts");
        assertThat(entities).allSatisfy(entity -> {
            assertThat(entity.getPackageName()).startsWith("org.cinegraph.query.");
            assertThat(entity.isAnnotationPresent(Immutable.class)).as("%s is read-only", entity).isTrue();
        });
    }

    @Test
    void everyEntityMatchesTheTableFlywayMade() {
        entityManagers.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }
}

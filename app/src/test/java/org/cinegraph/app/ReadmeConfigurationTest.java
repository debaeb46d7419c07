package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.unit.DataSize;

/**
 * README's configuration table says what each property defaults to; this reads the table and checks every default
 * it states against the application's own: {@code application.yml}, and the defaults of the
 * {@code @ConfigurationProperties} types bound with nothing else configured. A row whose default is words ("current
 * year", "generated for the run") is not checked; one that says {@code unset} is checked to have no default.
 */
class ReadmeConfigurationTest {

    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (.+?) \\| .*\\|$");
    private static final Pattern PROPERTY = Pattern.compile("`([a-z0-9.<>*-]+)`");
    private static Binder defaults;
    private static List<Class<?>> propertiesTypes;

    @BeforeAll
    static void loadTheApplicationsDefaults() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        // Placeholders resolve within the file alone: ${TMDB_API_TOKEN:} is its default, empty, whatever this
        // machine's environment holds.
        defaults = new Binder(ConfigurationPropertySources.from(yaml), new PropertySourcesPlaceholdersResolver(yaml));
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        propertiesTypes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.cinegraph")) {
            propertiesTypes.add(Class.forName(candidate.getBeanClassName()));
        }
    }

    @Test
    void everyDefaultTheConfigurationTableStatesIsTheApplicationsOwn() throws IOException {
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String[] row : table()) {
            List<String> names = names(row[0]);
            String[] stated = row[1].split(" / ");
            if (names.isEmpty() || stated.length != names.size() && !row[1].equals("unset")) {
                continue;
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String value = row[1].equals("unset") ? "unset" : stated[i].trim();
                Optional<Object> actual = defaultOf(name);
                if (value.startsWith("unset")) {
                    checked.add(name);
                    if (actual.isPresent()) {
                        wrong.add(name + ": README says unset, the application has " + actual.get());
                    }
                    continue;
                }
                String literal = literal(value);
                if (literal == null) {
                    continue;
                }
                checked.add(name);
                if (actual.isEmpty()) {
                    wrong.add(name + ": README says " + literal + ", the application has no such default");
                } else if (!same(literal, actual.get())) {
                    wrong.add(name + ": README says " + literal + ", the application has " + actual.get());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).as("the rows checked").contains("server.port", "cinegraph.tmdb.connect-timeout",
                "cinegraph.tmdb.read-timeout", "cinegraph.quality.min-popularity", "cinegraph.import.last-year",
                "cinegraph.oscars.max-page-size", "cinegraph.import.lease", "cinegraph.roles",
                "cinegraph.admin.login-throttle.period", "spring.datasource.url", "cinegraph.tmdb.api-token");
    }

    /** The configuration table's rows: property cell, default cell. */
    private static List<String[]> table() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int start = lines.indexOf("| property | default | meaning |");
        assertThat(start).as("README's configuration table").isPositive();
        List<String[]> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher row = ROW.matcher(lines.get(i));
            assertThat(row.matches()).as(lines.get(i)).isTrue();
            rows.add(new String[] {row.group(1), row.group(2)});
        }
        assertThat(rows).hasSizeGreaterThan(20);
        return rows;
    }

    /**
     * The properties a row names: {@code `a.b.c` / `d`} is {@code a.b.c} and {@code a.b.d}; {@code `.e`} is
     * {@code a.b.e}. Environment variables in brackets and names with placeholders are left out.
     */
    private static List<String> names(String cell) {
        String withoutVariables = cell.replaceAll("\\[[^]]*]", "");
        List<String> names = new ArrayList<>();
        Matcher property = PROPERTY.matcher(withoutVariables);
        String parent = null;
        while (property.find()) {
            String name = property.group(1);
            if (name.contains("<") || name.contains("*")) {
                return List.of();
            }
            if (parent == null) {
                parent = name.substring(0, name.lastIndexOf('.'));
            } else if (!name.contains(".") || name.startsWith(".")) {
                name = parent + "." + name.replaceFirst("^\\.", "");
            }
            names.add(name);
        }
        return names;
    }

    /** A stated default that is a value, not words: {@code `5s`}, {@code 40}, {@code true}; null otherwise. */
    private static String literal(String value) {
        if (value.matches("`[^`]+`")) {
            return value.substring(1, value.length() - 1);
        }
        return value.matches("-?[0-9.]+|true|false") ? value : null;
    }

    /** What the application defaults {@code name} to, with nothing configured but its own files. */
    private static Optional<Object> defaultOf(String name) {
        Optional<Object> fromYaml = Optional.ofNullable(defaults.bind(name, String.class).orElse(null))
                .filter(value -> !value.isEmpty()).map(value -> (Object) value);
        if (fromYaml.isPresent()) {
            return fromYaml;
        }
        for (Class<?> type : propertiesTypes) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            prefix = prefix.isEmpty() ? type.getAnnotation(ConfigurationProperties.class).prefix() : prefix;
            if (name.startsWith(prefix + ".")) {
                Object value = defaults.bindOrCreate(prefix, type);
                for (String part : name.substring(prefix.length() + 1).split("\\.")) {
                    value = value == null ? null : component(value, part);
                }
                if (value != null && !"".equals(value)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static Object component(Object value, String kebab) {
        String camel = Pattern.compile("-([a-z])").matcher(kebab).replaceAll(match -> match.group(1).toUpperCase());
        try {
            if (value.getClass().isRecord()) {
                for (RecordComponent component : value.getClass().getRecordComponents()) {
                    if (component.getName().equals(camel)) {
                        Method accessor = component.getAccessor();
                        accessor.setAccessible(true);
                        return accessor.invoke(value);
                    }
                }
                return null;
            }
            Method getter = value.getClass().getMethod("get" + Character.toUpperCase(camel.charAt(0)) + camel.substring(1));
            return getter.invoke(value);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Whether a stated default and the application's are the same value: 5s and PT5S are, 40 and 40.0 are. */
    private static boolean same(String stated, Object actual) {
        String text = String.valueOf(actual);
        if (actual instanceof Duration || looksLikeDuration(text) && looksLikeDuration(stated)) {
            return looksLikeDuration(stated) && DurationStyle.detectAndParse(stated).equals(
                    actual instanceof Duration duration ? duration : DurationStyle.detectAndParse(text));
        }
        if (actual instanceof DataSize size) {
            return DataSize.parse(stated).equals(size);
        }
        if (actual instanceof Number || text.matches("-?[0-9.]+") && stated.matches("-?[0-9.]+")) {
            return stated.matches("-?[0-9.]+") && new BigDecimal(stated).compareTo(new BigDecimal(text)) == 0;
        }
        return stated.equals(text);
    }

    private static boolean looksLikeDuration(String text) {
        try {
            DurationStyle.detectAndParse(text);
            return !text.matches("-?[0-9]+");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

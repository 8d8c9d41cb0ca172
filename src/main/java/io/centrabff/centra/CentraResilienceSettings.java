package io.centrabff.centra;

import io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadProperties;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerProperties;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryProperties;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Fails start-up on a {@code resilience4j.*} setting that would otherwise be silently ignored: a misspelt key, an
 * instance the gateway never uses (a typo in its name), a section the gateway does not apply (time limits live in
 * {@code centra.timeouts.*}, one source of truth), or an exception rule that the code sets itself.
 */
final class CentraResilienceSettings {

    /** The instances the gateway uses, per section. */
    static final Map<String, Set<String>> INSTANCES = Map.of(
            "circuitbreaker", Set.of("catalog", "cart", "payment"),
            "retry", Set.of(CentraResilience.READ_RETRY),
            "bulkhead", Set.of("payment"));

    // Decided in code (CentraResilienceConfiguration); a YAML value here would be overridden without a word.
    private static final Set<String> CODE_RULES = Set.of(
            "record-exceptions",
            "ignore-exceptions",
            "record-failure-predicate",
            "ignore-exception-predicate",
            "record-result-predicate",
            "retry-exceptions",
            "retry-exception-predicate",
            "result-predicate");

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("resilience4j");

    private CentraResilienceSettings() {}

    static void verify(Environment environment) {
        Set<String> problems = new TreeSet<>();
        for (ConfigurationPropertyName name : names(environment)) {
            String section =
                    name.getNumberOfElements() > 1 ? name.getElement(1, ConfigurationPropertyName.Form.DASHED) : "";
            if (!INSTANCES.containsKey(section)) {
                problems.add(name + " (the gateway only applies resilience4j."
                        + String.join(", resilience4j.", new TreeSet<>(INSTANCES.keySet())) + ")");
                continue;
            }
            if (name.getNumberOfElements() > 3) {
                String scope = name.getElement(2, ConfigurationPropertyName.Form.DASHED);
                String instance = name.getElement(3, ConfigurationPropertyName.Form.DASHED);
                if (scope.equals("instances") && !INSTANCES.get(section).contains(instance)) {
                    problems.add(name + " (no such " + section + " instance; the gateway uses "
                            + new TreeSet<>(INSTANCES.get(section)) + ")");
                }
            }
            if (mentionsCodeRule(name)) {
                problems.add(name + " (which errors count or are retried is fixed in code)");
            }
        }
        Binder binder = Binder.get(environment);
        bindStrictly(binder, "resilience4j.circuitbreaker", CircuitBreakerProperties::new, problems);
        bindStrictly(binder, "resilience4j.retry", RetryProperties::new, problems);
        bindStrictly(binder, "resilience4j.bulkhead", BulkheadProperties::new, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Unknown or unsupported resilience4j settings: " + problems);
        }
    }

    /** True for {@code ...record-exceptions} and its indexed forms ({@code ...record-exceptions[0]}). */
    private static boolean mentionsCodeRule(ConfigurationPropertyName name) {
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            if (CODE_RULES.contains(name.getElement(i, ConfigurationPropertyName.Form.DASHED))) {
                return true;
            }
        }
        return false;
    }

    private static <T> void bindStrictly(Binder binder, String prefix, Supplier<T> target, Set<String> problems) {
        try {
            binder.bind(
                    prefix, Bindable.ofInstance(target.get()), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
        } catch (BindException e) {
            problems.add(describe(e));
        }
    }

    private static String describe(BindException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return e.getName() + ": " + cause.getMessage();
    }

    private static Set<ConfigurationPropertyName> names(Environment environment) {
        Set<ConfigurationPropertyName> names = new TreeSet<>();
        for (var source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.filter(ROOT::isAncestorOf).stream().forEach(names::add);
            }
        }
        return names;
    }
}

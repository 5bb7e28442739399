package dev.migrations.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.migrations.settings.MigrationInstances;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * The application's named migration sets, {@code migrations.instances.<name>}, in the order they run: by their
 * {@code order}, then by name. Each has its own initializer, so the application's database users wait for every one.
 *
 * @param all the instances, in run order
 */
public record MigrationsInstances(List<MigrationsInstance> all) {

	public MigrationsInstances {
		all = List.copyOf(all);
	}

	/** The instance named {@code name}. */
	public MigrationsInstance get(String name) {
		return this.all.stream()
			.filter((instance) -> instance.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No migration instance named '" + name + "'"));
	}

	/** Each instance's status probe by its name, in run order. */
	public Map<String, MigrationsStatusProbe> probes() {
		Map<String, MigrationsStatusProbe> probes = new LinkedHashMap<>();
		this.all.forEach((instance) -> probes.put(instance.name(), instance.probe()));
		return probes;
	}

	/**
	 * Reads each probe on a thread of its own, all at once, so that answering for several sets takes as long as the
	 * slowest read (each bound by the probe's timeout), not their sum; the results come back as their futures, in
	 * the map's order, for the caller to join once it has read the default set meanwhile.
	 */
	public static <T> Map<String, CompletableFuture<T>> readEach(Map<String, MigrationsStatusProbe> probes,
			Function<MigrationsStatusProbe, T> read) {
		Map<String, CompletableFuture<T>> reads = new LinkedHashMap<>();
		probes.forEach((name, probe) -> reads.put(name, CompletableFuture.supplyAsync(() -> read.apply(probe),
				(task) -> {
					Thread reader = new Thread(task, "migrations-status-" + name);
					reader.setDaemon(true);
					reader.start();
				})));
		return reads;
	}

	/**
	 * The names of the instances the environment configures, in run order: every name with a key under
	 * {@code migrations.instances.<name>.}, from any property source (environment variables included), but those
	 * set {@code enabled=false}.
	 */
	static List<String> declared(Environment environment) {
		List<String> keys = keys(environment).map(Object::toString).toList();
		Binder binder = Binder.get(environment);
		Map<String, Integer> orders = new LinkedHashMap<>();
		MigrationInstances.names(keys)
			.stream()
			.filter((name) -> binder.bind(MigrationInstances.prefix(name) + "enabled", Boolean.class).orElse(true))
			.forEach((name) -> orders.put(name,
					binder.bind(MigrationInstances.prefix(name) + "order", Integer.class).orElse(0)));
		return orders.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.toList();
	}

	/** Every key under {@code migrations.instances.} in the environment's property sources. */
	static Stream<ConfigurationPropertyName> keys(Environment environment) {
		return StreamSupport.stream(ConfigurationPropertySources.get(environment).spliterator(), false)
			.filter(IterableConfigurationPropertySource.class::isInstance)
			.flatMap((source) -> ((IterableConfigurationPropertySource) source).stream())
			.filter((key) -> key.toString().startsWith(MigrationInstances.PREFIX));
	}

}

package dev.migrations.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.execute.LoadedScripts;
import dev.migrations.execute.ScriptSource;
import dev.migrations.graph.Target;
import dev.migrations.script.Location;
import dev.migrations.script.ScriptLoader;
import org.jspecify.annotations.Nullable;

/**
 * The revision scripts of some locations, loaded and validated on a daemon thread of their own (see
 * {@link MigrationsPreloader}): the {@code migrations} bean's {@link ScriptSource}, which gives them when its
 * configuration loads exactly these.
 */
final class PreloadedScripts implements ScriptSource {

	static final String BEAN_NAME = "migrationsPreloadedScripts";

	private final List<String> locations;

	private final ClassLoader classLoader;

	private final FutureTask<LoadedScripts> loading;

	private final Thread thread;

	private PreloadedScripts(List<String> locations, ClassLoader classLoader) {
		this.locations = List.copyOf(locations);
		this.classLoader = classLoader;
		this.loading = new FutureTask<>(this::load);
		this.thread = new Thread(this.loading, "migrations-preloader");
		this.thread.setDaemon(true);
		this.thread.setContextClassLoader(classLoader);
	}

	/** Starts loading the scripts of the locations with the class loader. */
	static PreloadedScripts start(List<String> locations, ClassLoader classLoader) {
		PreloadedScripts preloaded = new PreloadedScripts(locations, classLoader);
		preloaded.thread.start();
		return preloaded;
	}

	private LoadedScripts load() {
		LoadedScripts scripts = LoadedScripts
			.of(ScriptLoader.load(Location.parseAll(this.locations), this.classLoader, List.of()));
		// The usual start-up finds the database at the heads: plan that once here, so its code is warm.
		List<String> heads = scripts.graph().heads();
		scripts.queries().unknownRow(heads);
		scripts.planner().upgrade(heads, Target.HEADS);
		return scripts;
	}

	/**
	 * The scripts, waiting for them, if they are exactly what the configuration loads (the same locations and class
	 * loader, and no Java migrations) and loading them succeeded; otherwise {@code null}, and the engine loads them
	 * itself.
	 */
	@Override
	public @Nullable LoadedScripts scriptsFor(MigrationsConfig config) {
		if (!config.locations().equals(this.locations) || config.classLoader() != this.classLoader
				|| !config.javaMigrations().isEmpty()) {
			return null;
		}
		return await();
	}

	private @Nullable LoadedScripts await() {
		try {
			return this.loading.get();
		}
		catch (ExecutionException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * Waits until the background thread is done, whatever its outcome (the scripts loaded or not), so that nothing of
	 * it outlives the start-up.
	 */
	void awaitCompletion() {
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

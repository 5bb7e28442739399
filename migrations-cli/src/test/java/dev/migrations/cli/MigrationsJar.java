package dev.migrations.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.migrations.testing.ServerDatabase;

/**
 * The built command, {@code target/migrations.jar}, run as a separate process the way users run it
 * ({@code java -jar migrations.jar ...}), in a working directory and environment of the test's choosing.
 * The jar comes from the {@code migrations.cli.jar} system property that the build sets for the integration tests.
 */
final class MigrationsJar {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Path jar;

	private final Path directory;

	private final Map<String, String> environment;

	private MigrationsJar(Path jar, Path directory, Map<String, String> environment) {
		this.jar = jar;
		this.directory = directory;
		this.environment = Map.copyOf(environment);
	}

	/** The jar run in {@code directory} with no database settings in its environment. */
	static MigrationsJar in(Path directory) {
		Path jar = Paths.get(System.getProperty("migrations.cli.jar", "target/migrations.jar")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " not found: run the integration tests with ./mvnw verify");
		}
		return new MigrationsJar(jar, directory, Map.of());
	}

	/** The same, with {@code MIGRATIONS_URL}, {@code MIGRATIONS_USER} and {@code MIGRATIONS_PASSWORD} set for a database. */
	MigrationsJar on(ServerDatabase database) {
		return on(database.jdbcUrl(), database.user(), database.password());
	}

	/** The same, with {@code MIGRATIONS_URL} and the user and password (where not null) set. */
	MigrationsJar on(String jdbcUrl, String user, String password) {
		Map<String, String> environment = new HashMap<>(this.environment);
		environment.put("MIGRATIONS_URL", jdbcUrl);
		environment.put("MIGRATIONS_USER", user);
		if (password != null) {
			environment.put("MIGRATIONS_PASSWORD", password);
		}
		return new MigrationsJar(this.jar, this.directory, environment);
	}

	/** The same, with one more environment variable set. */
	MigrationsJar with(String name, String value) {
		Map<String, String> environment = new HashMap<>(this.environment);
		environment.put(name, value);
		return new MigrationsJar(this.jar, this.directory, environment);
	}

	Path directory() {
		return this.directory;
	}

	Result run(String... args) {
		return run(List.of(args));
	}

	Result run(List<String> args) {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
		command.addAll(List.of("-jar", this.jar.toString()));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile());
		Map<String, String> environment = builder.environment();
		List.of("MIGRATIONS_URL", "MIGRATIONS_USER", "MIGRATIONS_PASSWORD", "DATABASE_URL").forEach(environment::remove);
		environment.putAll(this.environment);
		long started = System.nanoTime();
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("migrations " + String.join(" ", args) + " did not end within " + TIMEOUT);
			}
			return new Result(args, process.exitValue(), stdout.join(), stderr.join(),
					Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String javaExecutable() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String read(InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What one run did.
	 *
	 * @param args the arguments after {@code migrations}
	 * @param exitCode the process's exit code
	 * @param stdout everything printed on standard output
	 * @param stderr everything printed on standard error
	 * @param elapsed how long the process took, JVM start included
	 */
	record Result(List<String> args, int exitCode, String stdout, String stderr, Duration elapsed) {

		/** Standard output as lines, without the final line break. */
		List<String> lines() {
			return linesOf(this.stdout);
		}

		List<String> errorLines() {
			return linesOf(this.stderr);
		}

		/** Text as lines, without the final line break: how the corpus' recorded stdout compares with ours. */
		static List<String> linesOf(String text) {
			if (text.isEmpty()) {
				return List.of();
			}
			String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
			return Arrays.asList(trimmed.split("\n", -1));
		}

		@Override
		public String toString() {
			return "migrations " + String.join(" ", this.args) + " -> exit " + this.exitCode + "\n--- stdout\n"
					+ this.stdout + "--- stderr\n" + this.stderr;
		}

	}

}

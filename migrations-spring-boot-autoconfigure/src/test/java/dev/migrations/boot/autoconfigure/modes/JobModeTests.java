package dev.migrations.boot.autoconfigure.modes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code migrations.mode=job} as Kubernetes runs it, a process of its own: the upgrade, then exit 0, or 1 with the
 * one-line cause; no web server (its port stays closed while the job runs) and not the application's own runners.
 */
class JobModeTests {

	@TempDir
	Path directory;

	/** The advisory lock the test holds to keep a job inside its revision. */
	private static final long GATE = 737373;

	private PostgresDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresDatabase.create("boot_job");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void upgradesThenExitsZeroWithoutTheWebServerOrTheApplication() throws Exception {
		int port = freePort();
		Run run = run("--server.port=" + port);
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.stdout()).contains("Migrations job done: the database is at its target; exiting");
		assertThat(run.output())
			.doesNotContain(ModesApplication.RAN)
			.doesNotContain("Tomcat");
		assertThat(new JdbcTemplate(this.database.dataSource())
			.queryForList("SELECT version_num FROM migrations_version", String.class)).containsExactly("2b3c4d5e6f70");

		Run atHead = run("--server.port=" + port);
		assertThat(atHead.exitCode()).as(atHead.output()).isZero();
		assertThat(new JdbcTemplate(this.database.dataSource()).queryForObject(
				"SELECT count(*) FROM migrations_history WHERE operation = 'upgrade'", Integer.class)).isEqualTo(2);
	}

	@Test
	void aFailingRevisionExitsOneWithTheCauseOnOneLine() throws Exception {
		Files.writeString(this.directory.resolve("1_bad.sql"), "-- Revision ID: bad000000001\n-- Revises:\n"
				+ "-- Message: bad\n\n-- migrate:upgrade\nINSERT INTO nosuch VALUES (1);\n");
		Run run = run("--migrations.locations=filesystem:" + this.directory);
		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.errorLines()).anySatisfy((line) -> assertThat(line).startsWith("FAILED: ")
			.contains("1_bad.sql:6", "nosuch"));
		assertThat(run.output()).doesNotContain(ModesApplication.RAN).doesNotContain("Tomcat");
	}

	@Test
	void opensNoWebPortWhileItRuns() throws Exception {
		Files.writeString(this.directory.resolve("1_gated.sql"), "-- Revision ID: 9a7e00000001\n-- Revises:\n"
				+ "-- Message: gated\n\n-- migrate:upgrade\nSELECT pg_advisory_lock(" + GATE + ");\n"
				+ "SELECT pg_advisory_unlock(" + GATE + ");\n");
		int port = freePort();
		Job job;
		try (Connection gate = this.database.connect(); Statement statement = gate.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + GATE + ")");
			job = start("--server.port=" + port, "--migrations.locations=filesystem:" + this.directory);
			awaitTheJobAtTheGate(job);
			assertThatExceptionOfType(ConnectException.class).as("a connection to the job's server.port")
				.isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
		}
		Run run = job.finish();
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(new JdbcTemplate(this.database.dataSource())
			.queryForList("SELECT version_num FROM migrations_version", String.class)).containsExactly("9a7e00000001");
	}

	/** Waits until the job's revision waits for the advisory lock the test holds: the job is mid-upgrade. */
	private void awaitTheJobAtTheGate(Job job) throws InterruptedException {
		JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
				Integer.class) == 0) {
			assertThat(job.process().isAlive()).as("the job waits at the gate").isTrue();
			assertThat(System.nanoTime()).as("the job reached the gate within 2 minutes").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private Run run(String... extraArgs) throws IOException, InterruptedException {
		return start(extraArgs).finish();
	}

	private Job start(String... extraArgs) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), ModesApplication.class.getName(), "--migrations.mode=job",
				"--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + this.database.user(), "--spring.jpa.hibernate.ddl-auto=none"));
		command.addAll(List.of(extraArgs));
		Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
		process.getOutputStream().close();
		return new Job(process, CompletableFuture.supplyAsync(() -> readAll(process.getInputStream())),
				CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream())));
	}

	private static byte[] readAll(InputStream stream) {
		try (stream) {
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** A job process running, its output read as it comes. */
	private record Job(Process process, CompletableFuture<byte[]> stdout, CompletableFuture<byte[]> stderr) {

		Run finish() throws InterruptedException {
			boolean ended = this.process.waitFor(2, TimeUnit.MINUTES);
			assertThat(ended).as("the job ended").isTrue();
			return new Run(this.process.exitValue(), new String(this.stdout.join(), StandardCharsets.UTF_8),
					new String(this.stderr.join(), StandardCharsets.UTF_8));
		}

	}

	/** What one process did: its exit code, standard output and standard error. */
	private record Run(int exitCode, String stdout, String stderr) {

		String output() {
			return this.stdout + this.stderr;
		}

		List<String> errorLines() {
			return this.stderr.lines().toList();
		}

	}

}

package dev.migrations.boot.autoconfigure.modes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.mode=job} as Kubernetes runs it, a process of its own: the upgrade, then exit 0, or 1 with the
 * one-line cause; no web server (not even on a port in use) and not the application's own runners.
 */
class JobModeTests {

	@TempDir
	Path directory;

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
		assertThat(run.errorLines()).filteredOn((line) -> line.startsWith("FAILED: ")).hasSize(1);
		assertThat(run.output()).as("no stack trace").doesNotContain("\tat ");
		assertThat(run.output()).doesNotContain(ModesApplication.RAN).doesNotContain("Tomcat");
	}

	/**
	 * The job's {@code server.port} is taken: a web server would fail to start on it ("Port ... already in use") and
	 * the process would exit 1. The job upgrades and exits 0, so it never opened a port.
	 */
	@Test
	void opensNoWebPortSoAPortInUseIsNoObstacle() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Run run = run("--server.address=" + taken.getInetAddress().getHostAddress(),
					"--server.port=" + taken.getLocalPort());
			assertThat(run.exitCode()).as(run.output()).isZero();
			assertThat(run.output()).doesNotContain("already in use");
		}
		assertThat(new JdbcTemplate(this.database.dataSource())
			.queryForList("SELECT version_num FROM migrations_version", String.class)).containsExactly("2b3c4d5e6f70");
	}

	private Run run(String... extraArgs) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), ModesApplication.class.getName(), "--migrations.mode=job",
				"--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + this.database.user(), "--spring.jpa.hibernate.ddl-auto=none"));
		command.addAll(List.of(extraArgs));
		Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
		process.getOutputStream().close();
		byte[][] streams = new byte[2][];
		Thread errors = new Thread(() -> streams[1] = readAll(process.getErrorStream()));
		errors.start();
		streams[0] = readAll(process.getInputStream());
		boolean ended = process.waitFor(2, TimeUnit.MINUTES);
		errors.join();
		assertThat(ended).as("the job ended").isTrue();
		return new Run(process.exitValue(), new String(streams[0], StandardCharsets.UTF_8),
				new String(streams[1], StandardCharsets.UTF_8));
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

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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.mode=job} as Kubernetes runs it, a process of its own: the upgrade, then exit 0, or 1 with the
 * one-line cause; no web server (not even on a port in use) and not the application's own runners. With migration
 * sets, every instance in its order, then the default set; a failing instance ends the job as the default set does.
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

	/** {@code report} reads the table {@code stock} creates, so it runs only after it; the default set last. */
	@Test
	void migratesEveryInstanceInItsOrderThenTheDefaultSet() throws Exception {
		Run run = runWith(instance("report", 2, "classpath:db/instances/report"),
				instance("stock", 1, "classpath:db/instances/stock"));
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.stdout()).contains("Migrations job done: the database is at its target; exiting");
		assertThat(run.output()).doesNotContain(ModesApplication.RAN);
		assertThat(versions("stock_version")).containsExactly("5a0c0000a001");
		assertThat(versions("report_version")).containsExactly("7e90000b0001");
		assertThat(versions("migrations_version")).containsExactly("2b3c4d5e6f70");
	}

	@Test
	void aFailingInstanceEndsTheJobWithExitOneAndItsNameOnOneLine() throws Exception {
		Run run = runWith(instance("broken", 1, "classpath:db/failing"),
				instance("stock", 2, "classpath:db/instances/stock"));
		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.errorLines()).filteredOn((line) -> line.startsWith("FAILED: "))
			.singleElement()
			.satisfies((line) -> assertThat(line).startsWith("FAILED: Migration instance 'broken': ")
				.contains("0002_fill_missing_table.sql"));
		assertThat(run.output()).as("no stack trace").doesNotContain("\tat ");
		assertThat(run.output()).doesNotContain(ModesApplication.RAN).doesNotContain("Migrations job done");
		assertThat(versions("broken_version")).containsExactly("1a2b3c4d5e6f");
		assertThat(tableExists("stock_version")).as("the instance after it").isFalse();
		assertThat(tableExists("migrations_version")).as("the default set").isFalse();
	}

	/** Without a DataSource of the application's there is no default set: the last instance ends the job. */
	@Test
	void withoutTheDefaultSetTheLastInstanceEndsTheJob() throws Exception {
		Run run = run("--spring.autoconfigure.exclude=" + DataSourceAutoConfiguration.class.getName(),
				"--migrations.instances.stock.url=" + this.database.jdbcUrl(),
				"--migrations.instances.stock.user=" + this.database.user(),
				"--migrations.instances.stock.locations=classpath:db/instances/stock",
				"--migrations.instances.stock.version-table=stock_version");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.stdout()).contains("Migrations job done: the database is at its target; exiting");
		assertThat(run.output()).doesNotContain(ModesApplication.RAN);
		assertThat(versions("stock_version")).containsExactly("5a0c0000a001");
		assertThat(tableExists("migrations_version")).isFalse();
	}

	/** An instance on the job's database, with scripts and a version table of its own. */
	private static String[] instance(String name, int order, String locations) {
		String prefix = "--migrations.instances." + name + ".";
		return new String[] { prefix + "order=" + order, prefix + "locations=" + locations,
				prefix + "version-table=" + name + "_version" };
	}

	private Run runWith(String[]... instances) throws IOException, InterruptedException {
		return run(Arrays.stream(instances).flatMap(Arrays::stream).toArray(String[]::new));
	}

	private List<String> versions(String table) {
		return new JdbcTemplate(this.database.dataSource()).queryForList("SELECT version_num FROM " + table,
				String.class);
	}

	private boolean tableExists(String table) {
		return new JdbcTemplate(this.database.dataSource()).queryForObject(
				"SELECT count(*) FROM information_schema.tables WHERE table_name = ?", Integer.class, table) > 0;
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

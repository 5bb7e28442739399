package dev.migrations.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.report.CheckReport;
import dev.migrations.report.RevisionView;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistoryOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The facade never damages the state on a real database: a schema that does not exist is neither created (unless
 * asked) nor read as an empty database, a stamp never leaves overlapping or dropped rows, and no command runs an
 * applied script that changed. Each subclass runs these on a database of its own, fresh for each test.
 */
abstract class StateSafetyTest {

	private static final String MISSING_SCHEMA_HINT = "Create it (CREATE SCHEMA IF NOT EXISTS %s) or correct the "
			+ "schema name; or let upgrade, downgrade and stamp create it: migrations.create-schemas=true (command "
			+ "line: --create-schemas)";

	@TempDir
	Path directory;

	private ScriptDirectory scripts;

	private DataSource dataSource;

	/** Creates the test's own empty database and returns a DataSource on it. */
	abstract DataSource createDatabase();

	abstract void dropDatabase();

	/** A schema name of the test's own that does not exist yet; dropped with the test's database. */
	abstract String newSchemaName(String base);

	/** The SQL expression for the connection's current schema, as {@code information_schema} names it. */
	abstract String currentSchemaExpression();

	@BeforeEach
	void create() {
		this.dataSource = createDatabase();
		this.scripts = new ScriptDirectory(this.directory);
		this.scripts.revision("1_users.sql", "r1", null, "CREATE TABLE users (id int primary key);", "DROP TABLE users;")
			.revision("2_notes.sql", "r2", "r1", "CREATE TABLE notes (id int primary key);", "DROP TABLE notes;");
	}

	@AfterEach
	void drop() {
		dropDatabase();
	}

	// --- a configured schema that does not exist -------------------------------------------------

	@Test
	void aMissingSchemaFailsEveryCommandThatTouchesTheDatabaseAndCreatesNothing() {
		migrations().upgrade("head");
		String schema = newSchemaName("nosuch");
		Migrations elsewhere = new Migrations(this.scripts.config().schema(schema).build(), this.dataSource);
		Map<String, Supplier<?>> commands = Map.of("upgrade", () -> elsewhere.upgrade("head"), "downgrade",
				() -> elsewhere.downgrade("base"), "stamp", () -> elsewhere.stamp(List.of("r1"), false), "stamp --purge",
				() -> elsewhere.stamp(List.of("r2"), true), "current", elsewhere::current, "check", elsewhere::check,
				"history -i", () -> elsewhere.history(null, true), "history -r current:",
				() -> elsewhere.history("current:", false), "show current", () -> elsewhere.show("current"), "status",
				() -> elsewhere.status("heads"));
		commands.forEach((name, command) -> assertThatExceptionOfType(MigrationsException.class).as(name)
			.isThrownBy(command::get)
			.withMessage("Schema '" + schema + "' does not exist")
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG))
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo(MISSING_SCHEMA_HINT.formatted(schema))));
		assertThat(schemaExists(schema)).isFalse();
		assertThat(rows("migrations_version")).containsExactly("r2");
	}

	@Test
	void anExistingSchemaHoldsTheTables() {
		String schema = newSchemaName("state");
		execute("CREATE SCHEMA " + schema);
		Migrations inSchema = new Migrations(this.scripts.config().schema(schema).build(), this.dataSource);
		assertThat(inSchema.current()).isEmpty();
		assertThat(inSchema.upgrade("head").after()).containsExactly("r2");
		assertThat(rows(schema + ".migrations_version")).containsExactly("r2");
		assertThat(inSchema.check().ok()).isTrue();
	}

	@Test
	void createSchemasLetsTheWritingCommandsCreateItWhileReadsCreateNothing() {
		String schema = newSchemaName("created");
		Migrations creating = new Migrations(this.scripts.config().schema(schema).createSchemas(true).build(),
				this.dataSource);
		assertThat(creating.current()).isEmpty();
		CheckReport check = creating.check();
		assertThat(check.pending()).containsExactly("r1", "r2");
		assertThat(creating.history(null, true)).extracting(RevisionView::current).containsOnly(false);
		assertThat(schemaExists(schema)).isFalse();
		assertThat(creating.upgrade("head").after()).containsExactly("r2");
		assertThat(schemaExists(schema)).isTrue();
		assertThat(rows(schema + ".migrations_version")).containsExactly("r2");
	}

	// --- the history log ------------------------------------------------------------------------

	@Test
	void theLogListsEveryStepFailedTriesIncluded() {
		assertThat(migrations().log()).isEmpty();
		assertThat(migrations().current()).isEmpty();
		migrations().upgrade("head");
		this.scripts.revision("3_broken.sql", "r3", "r2", "SELECT * FROM no_such_table;", "SELECT 1;");
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> migrations().upgrade("head"));
		List<HistoryEntry> log = migrations().log();
		assertThat(log).extracting(HistoryEntry::revision, HistoryEntry::operation, HistoryEntry::success)
			.containsExactly(tuple("r1", HistoryOperation.UPGRADE, true), tuple("r2", HistoryOperation.UPGRADE, true),
					tuple("r3", HistoryOperation.UPGRADE, false));
		assertThat(log).allSatisfy((entry) -> {
			assertThat(entry.installedBy()).isNotBlank();
			assertThat(entry.installedAt()).isNotNull();
			assertThat(entry.executionMs()).isNotNull();
		});
	}

	// --- stamp with overlapping targets ---------------------------------------------------------

	/** aud1 <- aud2, and aud1 <- rep1 <- rep2: rep2 descends from aud1. */
	private Migrations branchingAtAud1() {
		this.scripts = new ScriptDirectory(this.directory.resolve("branching"));
		this.directory.resolve("branching").toFile().mkdirs();
		this.scripts.revision("1_aud1.sql", "aud1", null, "SELECT 1;", "SELECT 1;")
			.revision("2_aud2.sql", "aud2", "aud1", "SELECT 1;", "SELECT 1;")
			.revision("3_rep1.sql", "rep1", "aud1", "SELECT 1;", "SELECT 1;")
			.revision("4_rep2.sql", "rep2", "rep1", "SELECT 1;", "SELECT 1;");
		return migrations();
	}

	@Test
	void aStampOfOverlappingTargetsIsRefusedBeforeAnythingIsWritten() {
		Migrations migrations = branchingAtAud1();
		for (List<String> targets : List.of(List.of("aud1", "rep2"), List.of("rep2", "aud1"))) {
			assertThatExceptionOfType(MigrationsException.class).as(targets.toString())
				.isThrownBy(() -> migrations.stamp(targets, false))
				.withMessage("Can't stamp aud1 and rep2 together: aud1 is below rep2 (an ancestor or a dependency), "
						+ "so the version rows would overlap")
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.TARGET))
				.satisfies((ex) -> assertThat(ex.hint()).isEqualTo(
						"Stamp rep2 alone (it implies aud1), or name revisions on separate branches; nothing was written"));
		}
		assertThat(tableExists("migrations_version")).isFalse();
		assertThat(tableExists("migrations_history")).isFalse();
		migrations.stamp(List.of("aud2", "rep2"), false);
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> migrations.stamp(List.of("aud1", "rep2"), false))
			.withMessageStartingWith("Can't stamp aud1 and rep2 together");
		assertThat(rows("migrations_version")).containsExactly("aud2", "rep2");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> migrations.stamp(List.of("aud2", "rep1", "rep2"), true))
			.withMessageStartingWith("Can't stamp rep1 and rep2 together");
		assertThat(rows("migrations_version")).containsExactly("aud2", "rep2");
		assertThat(migrations.stamp(List.of("aud1"), false).after()).containsExactly("aud1");
	}

	@Test
	void anOverlappingVersionTableNamesTheStampPurgeThatRepairsIt() {
		Migrations migrations = branchingAtAud1();
		migrations.upgrade("aud1");
		execute("INSERT INTO migrations_version (version_num) VALUES ('rep2')");
		String message = "Requested revision rep2 overlaps with other requested revisions aud1 (the version table "
				+ "lists them all)";
		String hint = "The version table lists a revision together with one below it, as a stamp of both or an edit "
				+ "by hand leaves it; set it to the revisions the database is at, e.g. 'migrations stamp --purge rep2'";
		Map<String, Supplier<?>> commands = Map.of("upgrade heads", () -> migrations.upgrade("heads"), "check",
				migrations::check, "status", () -> migrations.status("heads"));
		commands.forEach((name, command) -> assertThatExceptionOfType(MigrationsException.class).as(name)
			.isThrownBy(command::get)
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.STATE))
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo(hint)));
		assertThat(rows("migrations_version")).containsExactly("aud1", "rep2");
		migrations.stamp(List.of("rep2"), true);
		assertThat(migrations.upgrade("heads").after()).containsExactlyInAnyOrder("aud2", "rep2");
	}

	// --- checksums ------------------------------------------------------------------------------

	@Test
	void downgradeRefusesAnAppliedScriptThatChangedAsUpgradeDoes() {
		migrations().upgrade("head");
		this.scripts.revision("2_notes.sql", "r2", "r1", "CREATE TABLE notes (id int primary key);",
				"DROP TABLE users;");
		String location = migrations().scripts().script("r2").location();
		for (Supplier<?> command : List.<Supplier<?>>of(() -> migrations().downgrade("base"),
				() -> migrations().downgrade("r1"), () -> migrations().upgrade("head"))) {
			assertThatExceptionOfType(MigrationsException.class).isThrownBy(command::get)
				.withMessage("Checksum mismatch: applied revision(s) changed since they were applied: r2 (" + location
						+ ")")
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.CHECKSUM))
				.satisfies((ex) -> assertThat(ex.hint()).isEqualTo(CheckReport.CHECKSUM_HINT)
					.contains("--no-validate-checksums", "migrations.validate-checksums=false"));
		}
		assertThat(rows("migrations_version")).containsExactly("r2");
		assertThat(tableExists("users")).isTrue();
		assertThat(tableExists("notes")).isTrue();
		MigrationsConfig lenient = this.scripts.config().validateChecksums(false).build();
		assertThat(new Migrations(lenient, this.dataSource).downgrade("r1").after()).containsExactly("r1");
		assertThat(tableExists("users")).isFalse();
	}

	@Test
	void offlineSqlOfADowngradeNeedsNoChecksums() {
		migrations().upgrade("head");
		this.scripts.revision("2_notes.sql", "r2", "r1", "CREATE TABLE notes (id int primary key);",
				"DROP TABLE notes CASCADE;");
		assertThat(new Migrations(this.scripts.config().build(), null).downgradeSql("r2:r1"))
			.contains("DROP TABLE notes CASCADE");
	}

	// --- helpers --------------------------------------------------------------------------------

	Migrations migrations() {
		return this.scripts.migrations(this.dataSource);
	}

	boolean schemaExists(String schema) {
		return !query("SELECT schema_name FROM information_schema.schemata WHERE UPPER(schema_name) = UPPER(?)", schema)
			.isEmpty();
	}

	boolean tableExists(String table) {
		return !query("SELECT table_name FROM information_schema.tables WHERE UPPER(table_name) = UPPER(?) "
				+ "AND table_schema = " + currentSchemaExpression(), table)
			.isEmpty();
	}

	List<String> rows(String table) {
		return query("SELECT version_num FROM " + table + " ORDER BY version_num");
	}

	List<String> query(String sql, String... parameters) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			List<String> values = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					values.add(result.getString(1));
				}
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void execute(String sql) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

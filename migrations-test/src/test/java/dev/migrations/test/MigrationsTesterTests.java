package dev.migrations.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The checks on correct revision sets and on deliberately broken ones, on PostgreSQL and H2: each failure's text
 * names the revision, its file, the step and what went wrong.
 */
class MigrationsTesterTests {

	static Stream<Named<FreshDatabases>> databases() {
		return Stream.of(Named.of("PostgreSQL", TestDatabases.postgres()), Named.of("H2", TestDatabases.h2()));
	}

	private static MigrationsTester tester(FreshDatabases databases, String set) {
		return MigrationsTester.of(databases, "classpath:sets/" + set);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void correctSetsPassEveryCheck(FreshDatabases databases) {
		for (String set : new String[] { "good", "branches" }) {
			MigrationsTester tester = tester(databases, set);
			assertThat(tester.checkHeads().reported()).isEmpty();
			assertThat(tester.checkUpgrade().reported()).isEmpty();
			assertThat(tester.checkStairway().reported()).isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void twoHeadsFailWithTheMergeCommand(FreshDatabases databases) {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester(databases, "two_heads").checkHeads())
			.withMessage("Expected a single head, found 2: 2b0000000002 (sets/two_heads/2_tags.sql), 3c0000000003 "
					+ "(sets/two_heads/3_bio.sql). Join them with a merge revision: migrations merge heads -m "
					+ "\"merge heads\" (or declare the heads you expect: expectHeads)");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void declaredHeadsAreKeptApart(FreshDatabases databases) {
		assertThat(tester(databases, "two_heads").expectHeads("2b", "3c0000000003").checkHeads().reported()).isEmpty();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester(databases, "branches").expectHeads("2b", "3c").checkHeads())
			.withMessage("Expected heads 2b0000000002, 3c0000000003, found 4d0000000004 (sets/branches/4_merge.sql). "
					+ "Merge heads that should be one (migrations merge <rev> <rev> -m \"merge\") or update expectHeads");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anUpgradeThatFailsMidwayNamesRevisionFileAndStatement(FreshDatabases databases) {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester(databases, "fails_midway").checkUpgrade())
			.withMessageStartingWith("upgrade of 2b0000000002 (sets/fails_midway/2_orders.sql) failed: "
					+ "sets/fails_midway/2_orders.sql:7: ")
			.withMessageContaining("[statement: INSERT INTO order_lines (order_id) VALUES (1)]");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester(databases, "fails_midway").checkStairway())
			.withMessageStartingWith("upgrade of 2b0000000002 (sets/fails_midway/2_orders.sql) failed: ");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aDataMigrationThatBreaksOnSeededRowsNamesTheSeed(FreshDatabases databases) {
		MigrationsTester tester = tester(databases, "data_breaks");
		assertThat(tester.checkUpgrade().reported()).isEmpty();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester.seedAt("1a", "INSERT INTO users (id, email) VALUES (1, 'ada@example.org')")
				.checkUpgrade())
			.withMessageStartingWith("upgrade of 2b0000000002 (sets/data_breaks/2_status.sql) failed with the rows "
					+ "seeded at 1a0000000001: sets/data_breaks/2_status.sql:7: ")
			.withMessageContaining("[statement: UPDATE users SET status_code = CAST(status AS integer)]");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void dataSeededAtARevisionIsCheckedAfterALaterOne(FreshDatabases databases) {
		MigrationsTester seeded = tester(databases, "good").seedAt("2b", (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("INSERT INTO users (id, email) VALUES (1, 'ada@example.org')");
			}
		});
		assertThat(seeded.assertAt("3c", (connection) -> assertThat(displayName(connection)).isEqualTo("ada@example.org"))
			.checkUpgrade()
			.reported()).isEmpty();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> seeded.assertAt("3c", (connection) -> assertThat(displayName(connection)).isEqualTo("Ada"))
				.checkUpgrade())
			.withMessageStartingWith("Data after upgrade of 3c0000000003 (sets/good/3_names.sql) (assertAt): ")
			.withMessageContaining("\"Ada\"");
	}

	private static String displayName(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT display_name FROM users WHERE id = 1")) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aSeedForAnUnknownRevisionIsRefused(FreshDatabases databases) {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> tester(databases, "good").seedAt("ffff", "SELECT 1").checkUpgrade())
			.withMessageContaining("'ffff'");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void irreversibleRevisionsAreReportedUnlessAskedToFail(FreshDatabases databases) {
		String irreversible = "Revision 2b0000000002 (sets/irreversible/2_purge.sql) is irreversible (no "
				+ "'-- migrate:downgrade' section): its upgrade ran, its downgrade is not tested";
		assertThat(tester(databases, "irreversible").checkStairway().reported()).containsExactly(irreversible);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester(databases, "irreversible").failOnIrreversible(true).checkStairway())
			.withMessage(irreversible + ". Add a downgrade section, or let the stairway report irreversible revisions "
					+ "(failOnIrreversible(false))");
	}

	@Test
	void aScriptEditedOrDeletedSinceTheBaseBranchIsNamed() {
		FreshDatabases databases = TestDatabases.h2();
		assertThat(tester(databases, "good").checkScriptsUnchangedSince("classpath:sets/good").reported()).isEmpty();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester(databases, "edited").checkScriptsUnchangedSince("classpath:sets/good"))
			.withMessage("Revision 2b0000000002 (sets/edited/2_profile.sql) was edited: its checksum differs from the "
					+ "base's sets/good/2_profile.sql. Restore the script as the base has it and make the change in a "
					+ "new revision");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester(databases, "model").checkScriptsUnchangedSince("classpath:sets/good"))
			.withMessageStartingWith("Revision 1a0000000001 (sets/good/1_users.sql) of the base is gone: a revision "
					+ "the base branch may have applied must stay. Restore it, and undo it in a new revision if needed");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anEditedAppliedScriptIsNamed(FreshDatabases databases) {
		try (TestDatabase applied = tester(databases, "good").databaseAtHeads()) {
			assertThat(tester(databases, "good").checkAppliedScripts(applied.dataSource()).reported()).isEmpty();
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> tester(databases, "edited").checkAppliedScripts(applied.dataSource()))
				.withMessage("Revision 2b0000000002 (sets/edited/2_profile.sql) was edited after it was applied: its "
						+ "checksum differs from the one recorded in migrations_history. Restore the script as it was "
						+ "applied and make the change in a new revision");
		}
	}

}

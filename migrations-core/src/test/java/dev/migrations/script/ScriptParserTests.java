package dev.migrations.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

import dev.migrations.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptParserTests {

	private static final String FILE = "db/migrations/20261121_1430_3f2a9c1b7d4e_add_user_profile_fields.sql";

	private static final String SPEC_EXAMPLE = """
			-- Revision ID: 3f2a9c1b7d4e
			-- Revises: 1c0d8e7f6a5b
			-- Create Date: 2026-11-21 14:30:00
			-- Message: add user profile fields
			-- Branch Labels: profiles
			-- Depends On: 9a8b7c6d5e4f
			-- Transactional: true

			-- migrate:upgrade
			ALTER TABLE users ADD COLUMN bio text;
			ALTER TABLE users ADD COLUMN avatar_url varchar(255);

			-- migrate:downgrade
			ALTER TABLE users DROP COLUMN avatar_url;
			ALTER TABLE users DROP COLUMN bio;
			""";

	@Test
	void readsTheHeaderOfTheSpecExample() {
		RevisionScript script = ScriptParser.parse(FILE, SPEC_EXAMPLE);
		assertThat(script.id()).isEqualTo("3f2a9c1b7d4e");
		assertThat(script.revision().downRevisions()).containsExactly("1c0d8e7f6a5b");
		assertThat(script.revision().message()).isEqualTo("add user profile fields");
		assertThat(script.revision().branchLabels()).containsExactly("profiles");
		assertThat(script.revision().dependsOn()).containsExactly("9a8b7c6d5e4f");
		assertThat(script.revision().source()).isEqualTo(FILE);
		assertThat(script.createDate()).isEqualTo("2026-11-21 14:30:00");
		assertThat(script.transactional()).isTrue();
		assertThat(script.sortKey()).isEqualTo("20261121_1430_3f2a9c1b7d4e_add_user_profile_fields.sql");
		assertThat(script.location()).isEqualTo(FILE);
	}

	@Test
	void sectionsCarryTheirTextAndFirstFileLine() {
		RevisionScript script = ScriptParser.parse(FILE, SPEC_EXAMPLE);
		assertThat(script.upgrade()).isEqualTo(new MigrationBody.Sql("""
				ALTER TABLE users ADD COLUMN bio text;
				ALTER TABLE users ADD COLUMN avatar_url varchar(255);

				""", 10));
		assertThat(script.downgrade()).isEqualTo(new MigrationBody.Sql("""
				ALTER TABLE users DROP COLUMN avatar_url;
				ALTER TABLE users DROP COLUMN bio;
				""", 14));
		assertThat(script.isReversible()).isTrue();
	}

	@Test
	void checksumIsSha256OfTheStrippedSectionsJoinedByTheDowngradeMarker() throws Exception {
		String hashed = """
				ALTER TABLE users ADD COLUMN bio text;
				ALTER TABLE users ADD COLUMN avatar_url varchar(255);
				-- migrate:downgrade
				ALTER TABLE users DROP COLUMN avatar_url;
				ALTER TABLE users DROP COLUMN bio;""";
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(hashed.getBytes(StandardCharsets.UTF_8));
		assertThat(ScriptParser.parse(FILE, SPEC_EXAMPLE).checksum()).isEqualTo(HexFormat.of().formatHex(digest));
	}

	@Test
	void checksumOfAnIrreversibleScriptIsSha256OfItsUpgradeSection() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest("SELECT 1;".getBytes(StandardCharsets.UTF_8));
		RevisionScript script = ScriptParser.parse("x.sql", "-- Revision ID: a\n-- migrate:upgrade\nSELECT 1;\n");
		assertThat(script.checksum()).isEqualTo(HexFormat.of().formatHex(digest));
	}

	@Test
	void keysAreCaseInsensitiveAndKeysAndValuesAreTrimmed() {
		RevisionScript script = ScriptParser.parse("x.sql", """
				--   revision id  :  abc\t
				--REVISES:a,b , c
				-- branch LABELS: one,  two
				-- DEPENDS on : x
				-- transactional: FALSE
				-- migrate:upgrade
				""");
		assertThat(script.id()).isEqualTo("abc");
		assertThat(script.revision().downRevisions()).containsExactly("a", "b", "c");
		assertThat(script.revision().isMerge()).isTrue();
		assertThat(script.revision().branchLabels()).containsExactly("one", "two");
		assertThat(script.revision().dependsOn()).containsExactly("x");
		assertThat(script.transactional()).isFalse();
	}

	@Test
	void absentOrEmptyRevisesMakesABaseRevision() {
		assertThat(ScriptParser.parse("x.sql", "-- Revision ID: a\n-- migrate:upgrade\n").revision().isBase())
			.isTrue();
		assertThat(ScriptParser.parse("x.sql", "-- Revision ID: a\n-- Revises:\n-- migrate:upgrade\n")
			.revision()
			.downRevisions()).isEmpty();
	}

	@Test
	void absentOptionalFieldsTakeTheirDefaults() {
		RevisionScript script = ScriptParser.parse("x.sql", "-- Revision ID: a\n-- migrate:upgrade\n");
		assertThat(script.revision().branchLabels()).isEmpty();
		assertThat(script.revision().dependsOn()).isEmpty();
		assertThat(script.createDate()).isNull();
		assertThat(script.transactional()).isTrue();
	}

	@Test
	void messageWithNothingAfterItIsEmpty() {
		RevisionScript script = ScriptParser.parse("db/3f2a9c1b7d4e_add_users.sql",
				"-- Revision ID: 3f2a9c1b7d4e\n-- Message:\n-- migrate:upgrade\n");
		assertThat(script.revision().message()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "20261121_1430_3f2a9c1b7d4e_add_user_profile_fields.sql, add user profile fields",
			"3f2a9c1b7d4e_add_users.sql, add users", "20261121_1430_3f2a9c1b7d4e.sql, ''",
			"20261121_1430_create_users.sql, create users", "create_users.sql, create users",
			"V2__add__things.SQL, V2 add things", "3f2a9c1b7d4e.sql, ''", "3f2a9c1b7d4eX_y.sql, 3f2a9c1b7d4eX y" })
	void absentMessageComesFromTheFileName(String fileName, String message) {
		RevisionScript script = ScriptParser.parse("db/migrations/" + fileName,
				"-- Revision ID: 3f2a9c1b7d4e\n-- migrate:upgrade\n");
		assertThat(script.revision().message()).isEqualTo(message);
	}

	@Test
	void unknownKeysAndCommentsWithoutColonAreIgnored() {
		RevisionScript script = ScriptParser.parse("x.sql", """
				-- Author: someone
				-- Revision ID 1234
				-- Revision ID: abc
				-- a free comment
				-- migrate:upgrade
				""");
		assertThat(script.id()).isEqualTo("abc");
	}

	@Test
	void headerEndsAtTheFirstLineThatIsNotAComment() {
		RevisionScript script = ScriptParser.parse("abc_from_the_file_name.sql", """
				-- Revision ID: abc

				-- Message: not a header field, just a comment below the header
				-- migrate:upgrade
				""");
		assertThat(script.revision().message()).isEqualTo("from the file name");
	}

	@Test
	void blankLinesBeforeTheHeaderAndCommentsBeforeTheUpgradeMarkerAreAllowed() {
		RevisionScript script = ScriptParser.parse("x.sql", """


				-- Revision ID: abc

				-- What this revision does, at length.

				-- migrate:upgrade
				SELECT 1;
				""");
		assertThat(script.id()).isEqualTo("abc");
		assertThat(script.upgrade()).isEqualTo(new MigrationBody.Sql("SELECT 1;\n", 8));
	}

	@Test
	void markersAreMatchedCaseInsensitivelyAndTrimmed() {
		RevisionScript script = ScriptParser.parse("x.sql",
				"-- Revision ID: a\n  --MIGRATE:Upgrade  \nSELECT 1;\n\t-- Migrate:DOWNGRADE\nSELECT 2;");
		assertThat(script.upgrade()).isEqualTo(new MigrationBody.Sql("SELECT 1;\n", 3));
		assertThat(script.downgrade()).isEqualTo(new MigrationBody.Sql("SELECT 2;", 5));
	}

	@Test
	void scriptWithoutDowngradeMarkerIsIrreversible() {
		RevisionScript script = ScriptParser.parse("x.sql", "-- Revision ID: a\n-- migrate:upgrade\nSELECT 1;\n");
		assertThat(script.downgrade()).isNull();
		assertThat(script.isReversible()).isFalse();
	}

	@Test
	void emptySectionsAreValidNoOps() {
		RevisionScript script = ScriptParser.parse("x.sql",
				"-- Revision ID: m\n-- Revises: a, b\n\n-- migrate:upgrade\n-- migrate:downgrade");
		assertThat(script.upgrade()).isEqualTo(new MigrationBody.Sql("", 5));
		assertThat(script.downgrade()).isEqualTo(new MigrationBody.Sql("", 6));
	}

	@Test
	void commentsInsideSectionsStayInTheSection() {
		RevisionScript script = ScriptParser.parse("x.sql",
				"-- Revision ID: a\n-- migrate:upgrade\n-- Message: not a header line here\nSELECT 1;\n");
		assertThat(((MigrationBody.Sql) script.upgrade()).sql())
			.isEqualTo("-- Message: not a header line here\nSELECT 1;\n");
		assertThat(script.revision().message()).isEqualTo("x");
	}

	@Test
	void byteOrderMarkIsIgnored() {
		RevisionScript script = ScriptParser.parse("x.sql", "\uFEFF-- Revision ID: abc\n-- migrate:upgrade\n");
		assertThat(script.id()).isEqualTo("abc");
	}

	@Test
	void crlfAndCrLineEndingsReadAsLf() {
		RevisionScript lf = ScriptParser.parse(FILE, SPEC_EXAMPLE);
		RevisionScript crlf = ScriptParser.parse(FILE, SPEC_EXAMPLE.replace("\n", "\r\n"));
		RevisionScript cr = ScriptParser.parse(FILE, SPEC_EXAMPLE.replace("\n", "\r"));
		assertThat(crlf).isEqualTo(lf);
		assertThat(cr).isEqualTo(lf);
		assertThat(crlf.checksum()).isEqualTo(lf.checksum());
	}

	@Test
	void scriptsReadAsAsciiBytesParseAsTheirTextDoes() {
		for (String text : new String[] { SPEC_EXAMPLE, SPEC_EXAMPLE.replace("\n", "\r\n"),
				"-- Revision ID: a\n--migrate:UPGRADE  \n\n  SELECT 1;\t\n" }) {
			byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
			assertThat(ScriptParser.parseAscii(FILE, new String(bytes, StandardCharsets.US_ASCII), bytes))
				.isEqualTo(ScriptParser.parse(FILE, text));
		}
	}

	@Test
	void editingAStatementChangesTheChecksum() {
		String checksum = ScriptParser.parse(FILE, SPEC_EXAMPLE).checksum();
		assertThat(ScriptParser.parse(FILE, SPEC_EXAMPLE.replace("bio text", "bio varchar(100)")).checksum())
			.isNotEqualTo(checksum);
		assertThat(ScriptParser.parse(FILE, SPEC_EXAMPLE.replace("DROP COLUMN bio;", "DROP COLUMN bio CASCADE;"))
			.checksum()).isNotEqualTo(checksum);
	}

	@Test
	void movingAStatementAcrossSectionsOrDroppingTheDowngradeSectionChangesTheChecksum() {
		String base = "-- Revision ID: a\n-- migrate:upgrade\nSELECT 1;\n";
		String both = ScriptParser.parse("x.sql", base + "-- migrate:downgrade\nSELECT 2;\n").checksum();
		String swapped = ScriptParser.parse("x.sql", base + "SELECT 2;\n-- migrate:downgrade\n").checksum();
		String emptyDowngrade = ScriptParser.parse("x.sql", base + "-- migrate:downgrade\n").checksum();
		String irreversible = ScriptParser.parse("x.sql", base).checksum();
		assertThat(Set.of(both, swapped, emptyDowngrade, irreversible)).hasSize(4);
	}

	@Test
	void headerAndBlankLineEditsKeepTheChecksum() {
		String checksum = ScriptParser.parse(FILE, SPEC_EXAMPLE).checksum();
		String edited = SPEC_EXAMPLE.replace("add user profile fields", "profile fields for users")
			.replace("2026-11-21 14:30:00", "2026-11-22 09:00:00")
			.replace("-- Transactional: true\n", "-- Transactional: true\n-- reviewed by the DBA\n")
			.replace("-- migrate:upgrade\n", "-- migrate:upgrade\n\n")
			.replace("bio;\n", "bio;\n\n\n");
		assertThat(ScriptParser.parse(FILE, edited).checksum()).isEqualTo(checksum);
	}

	@Test
	void missingRevisionIdNamesTheFileAndShowsTheLineToAdd() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("db/migrations/x.sql", "-- Message: hello\n-- migrate:upgrade\n"))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("db/migrations/x.sql: no 'Revision ID' in the header");
				assertThat(ex.hint())
					.matches("Add '-- Revision ID: [0-9a-f]{12}' \\(or another unique id\\) as the first line of the script");
				assertThat(ex.kind()).isEqualTo(ErrorKind.SCRIPT);
				assertThat(ex.file()).isEqualTo("db/migrations/x.sql");
				assertThat(ex.line()).isZero();
			});
	}

	@Test
	void revisionIdMustFollowTheIdRule() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("db/migrations/x.sql", "-- Revision ID: a b\n-- migrate:upgrade\n"))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage(
						"db/migrations/x.sql:1: 'Revision ID' must be 1 to 64 letters, digits or '_' ('-', '+', '@' and ':' have meanings in targets), not 'a b'");
				assertThat(ex.hint()).matches("Write an id such as '-- Revision ID: [0-9a-f]{12}'");
				assertThat(ex.line()).isEqualTo(1);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "head", "heads", "HEAD" })
	void wordsThatNameTargetsAreNotRevisionIds(String id) {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("x.sql", "-- Revision ID: " + id + "\n-- migrate:upgrade\n"))
			.withMessage("x.sql:1: 'Revision ID' cannot be '" + id + "': base, head and heads name targets");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "head|head|base, head and heads name targets|my_branch",
			"a@b|a@b|it must be 1 to 64 letters, digits or '_' ('-', '+', '@' and ':' have meanings in targets)|a_b",
			"ok, bad label|bad label|it must be 1 to 64 letters, digits or '_' ('-', '+', '@' and ':' have meanings in targets)|bad_label" })
	void branchLabelsFollowTheIdRule(String labels, String refused, String problem, String suggested) {
		String script = "-- Revision ID: a1\n-- Revises:\n-- Branch Labels: " + labels + "\n-- migrate:upgrade\n";
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> ScriptParser.parse("x.sql", script))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("x.sql:3: branch label '" + refused + "' is not valid: " + problem);
				assertThat(ex.hint()).isEqualTo("Rename the label, e.g. '-- Branch Labels: " + suggested + "'");
			});
	}

	@Test
	void emptyRevisionIdIsAnError() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("x.sql", "-- Revision ID:\n-- migrate:upgrade\n"))
			.withMessage("x.sql:1: 'Revision ID' must be 1 to 64 letters, digits or '_' ('-', '+', '@' and ':' have meanings in targets), not ''");
	}

	@Test
	void missingUpgradeMarkerIsAnError() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("db/migrations/x.sql", "-- Revision ID: a\n\nSELECT 1;\n"))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("db/migrations/x.sql: no '-- migrate:upgrade' line");
				assertThat(ex.hint()).isEqualTo(
						"Put '-- migrate:upgrade' on a line of its own below the header, above the upgrade statements");
			});
	}

	@Test
	void transactionalMustBeTrueOrFalse() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("db/migrations/x.sql",
					"-- Revision ID: a\n-- Revises: b\n-- Transactional: yes\n-- migrate:upgrade\n"))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("db/migrations/x.sql:3: 'Transactional' must be true or false, not 'yes'");
				assertThat(ex.hint()).isEqualTo(
						"Write '-- Transactional: false' to run this revision outside a transaction, or leave the line out");
				assertThat(ex.line()).isEqualTo(3);
			});
	}

	@Test
	void timeoutHeadersOverrideTheRunsTimeouts() {
		RevisionScript script = ScriptParser.parse("x.sql",
				"-- Revision ID: a\n-- Lock Timeout: 5s\n-- statement timeout: 0\n-- migrate:upgrade\n");
		assertThat(script.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(5), Duration.ZERO));
		assertThat(ScriptParser.parse("x.sql", "-- Revision ID: a\n-- Lock Timeout: 500 MS\n-- migrate:upgrade\n")
			.timeouts()).isEqualTo(new Timeouts(Duration.ofMillis(500), null));
		assertThat(ScriptParser.parse("x.sql", "-- Revision ID: a\n-- Statement Timeout: 2m\n-- migrate:upgrade\n")
			.timeouts()).isEqualTo(new Timeouts(null, Duration.ofMinutes(2)));
		assertThat(ScriptParser.parse("x.sql", "-- Revision ID: a\n-- migrate:upgrade\n").timeouts())
			.isEqualTo(Timeouts.NONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "5", "soon", "5 seconds", "-1s", "1.5s", "" })
	void aTimeoutHeaderNeedsADurationWithItsUnit(String value) {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("db/migrations/x.sql",
					"-- Revision ID: a\n-- Lock Timeout: " + value + "\n-- migrate:upgrade\n"))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("db/migrations/x.sql:2: 'Lock Timeout' must be a duration with its unit, "
						+ "such as 500ms, 5s or 2m (or 0 for no limit), not '" + value + "'");
				assertThat(ex.hint()).isEqualTo("Write '-- Lock Timeout: 5s'");
			});
	}

	@ParameterizedTest
	@CsvSource({ "Revise, Revises", "Mesage, Message", "Branch Label, Branch Labels", "DependsOn, Depends On",
			"Reivses, Revises", "RevisionID, Revision ID", "Revision, Revision ID", "Transaction, Transactional",
			"Create_Date, Create Date", "Lock Timout, Lock Timeout", "LockTimeout, Lock Timeout",
			"Statment Timeout, Statement Timeout", "Statement_Timeout, Statement Timeout" })
	void misspelledHeaderKeyIsAnErrorNamingTheKeyMeant(String written, String meant) {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("db/migrations/x.sql",
					"-- Revision ID: a\n-- " + written + ": c1\n-- migrate:upgrade\n"))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("db/migrations/x.sql:2: unknown header key '" + written
						+ "': did you mean '" + meant + "'?");
				assertThat(ex.hint()).isEqualTo("Write '-- " + meant
						+ ": ...'; if the line is a comment, reword it so it does not read as a header key");
				assertThat(ex.line()).isEqualTo(2);
			});
	}

	@Test
	void commentsThatResembleNoKeyStayComments() {
		RevisionScript script = ScriptParser.parse("x.sql", """
				-- Revision ID: abc
				-- Note: this is a comment, not a key
				-- Author: someone
				-- Date: 2026-11-21
				-- See: https://example.com/ticket/12
				-- TODO(bob): rename the table
				-- Lint Ignore: ban-drop-column
				-- migrate:upgrade
				""");
		assertThat(script.id()).isEqualTo("abc");
	}

	@Test
	void headerFieldGivenTwiceIsAnError() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("x.sql", "-- Revision ID: a\n-- Revises: b\n-- revises: c\n"))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("x.sql:3: 'Revises' is given twice (first on line 2)");
				assertThat(ex.hint()).isEqualTo("Keep one '-- Revises:' line in the header");
			});
	}

	@Test
	void secondUpgradeMarkerIsAnError() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("x.sql",
					"-- Revision ID: a\n-- migrate:upgrade\nSELECT 1;\n-- migrate:upgrade\nSELECT 2;\n"))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("x.sql:4: second '-- migrate:upgrade' (the first is on line 2)");
				assertThat(ex.hint()).isEqualTo(
						"Keep one '-- migrate:upgrade' line: a script has one upgrade section and at most one downgrade section");
			});
	}

	@Test
	void upgradeMarkerAfterTheDowngradeSectionIsASecondUpgradeMarker() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("x.sql",
					"-- Revision ID: a\n-- migrate:upgrade\n-- migrate:downgrade\n-- migrate:upgrade\n"))
			.withMessage("x.sql:4: second '-- migrate:upgrade' (the first is on line 2)");
	}

	@Test
	void secondDowngradeMarkerIsAnError() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("x.sql",
					"-- Revision ID: a\n-- migrate:upgrade\n-- migrate:downgrade\nSELECT 1;\n-- MIGRATE:downgrade\n"))
			.withMessage("x.sql:5: second '-- migrate:downgrade' (the first is on line 3)");
	}

	@Test
	void downgradeMarkerBeforeTheUpgradeMarkerIsAnError() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("x.sql",
					"-- Revision ID: a\n\n-- migrate:downgrade\nDROP TABLE t;\n-- migrate:upgrade\nCREATE TABLE t (id int);\n"))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("x.sql:3: '-- migrate:downgrade' comes before '-- migrate:upgrade'");
				assertThat(ex.hint()).isEqualTo(
						"Put the upgrade section first: '-- migrate:upgrade' and its statements, then '-- migrate:downgrade' and its statements");
			});
	}

	@Test
	void statementsBetweenTheHeaderAndTheUpgradeMarkerAreAnError() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse("x.sql",
					"-- Revision ID: a\n\n-- note\nCREATE TABLE t (id int);\n-- migrate:upgrade\n"))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("x.sql:4: text above '-- migrate:upgrade'");
				assertThat(ex.hint()).isEqualTo("Move it below '-- migrate:upgrade', or make it a '--' comment");
			});
	}

}

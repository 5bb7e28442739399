package dev.migrations.lint;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.script.RevisionScript;
import dev.migrations.script.ScriptException;
import dev.migrations.script.ScriptParser;
import dev.migrations.sql.SqlSyntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The {@link Linter}'s findings: their lines, their order, the silencing, and the report's summary. */
class LinterTests {

	private static final Linter LINTER = new Linter(SqlSyntax.POSTGRESQL, LintOptions.NEWEST_POSTGRESQL, false);

	private static RevisionScript script(String file, String id, String header, String upgrade) {
		return ScriptParser.parse("db/" + file, "-- Revision ID: " + id + "\n" + header + "\n-- migrate:upgrade\n"
				+ upgrade + "\n-- migrate:downgrade\nDROP TABLE notes;\n");
	}

	private static List<String> lines(LintReport report) {
		return report.findings().stream().map(Finding::describe).toList();
	}

	@Test
	void findingsNameTheLineOfTheOffendingTokenInRevisionOrder() {
		RevisionScript create = script("a.sql", "aaaa", "", "CREATE TABLE notes (\n\tid bigint,\n\tcode char(2),\n"
				+ "\tat timestamp\n);\nCREATE INDEX notes_code ON notes (code);");
		RevisionScript index = script("b.sql", "bbbb", "-- Revises: aaaa\n",
				"SET lock_timeout = '1s';\nCREATE INDEX notes_at ON notes (at);");
		LintReport report = LINTER.lint(List.of(create, index));
		assertThat(lines(report)).containsExactly(
				"db/a.sql:6: warning ban-char-field: char(n) pads values with spaces and is no faster than text; "
						+ "use text or varchar",
				"db/a.sql:7: warning prefer-timestamptz: timestamp without time zone loses the offset; use timestamptz",
				"db/b.sql:6: error require-concurrent-index-creation: CREATE INDEX without CONCURRENTLY blocks writes "
						+ "to the table while the index builds");
		assertThat(report.revisions()).containsExactly("aaaa", "bbbb");
		assertThat(report.hasErrors()).isTrue();
		assertThat(report.summary()).isEqualTo("Linted 2 revisions: 1 error, 2 warnings.");
	}

	@Test
	void aLintIgnoreHeaderWithoutAReasonIsAFindingOnItsLineAndStillSilences() {
		RevisionScript script = script("a.sql", "aaaa", "-- Lint Ignore: ban-drop-table, require-timeout-settings\n",
				"DROP TABLE notes;");
		assertThat(lines(LINTER.lint(List.of(script)))).containsExactly("db/a.sql:2: error ignore-without-reason: "
				+ "A lint ignore must name the rules it silences and give the reason, as in "
				+ "'-- lint: ignore ban-drop-table <why>'");
	}

	@Test
	void anIgnoreCommentSilencesOnlyTheStatementRightAfterIt() {
		RevisionScript script = script("a.sql", "aaaa", "",
				"SET lock_timeout = '1s';\n-- lint: ignore ban-drop-table replaced by posts in release 4\n"
						+ "DROP TABLE notes;\nDROP TABLE tags;");
		assertThat(lines(LINTER.lint(List.of(script)))).containsExactly("db/a.sql:7: error ban-drop-table: "
				+ "Dropping a table breaks the application code still reading it, and its data is gone");
	}

	@Test
	void aValidatedNotNullCheckFromAnEarlierRevisionMakesSetNotNullSafeFromPostgresql12() {
		RevisionScript check = script("a.sql", "aaaa", "-- Transactional: false\n",
				"SET lock_timeout = '1s';\nALTER TABLE notes ADD CONSTRAINT author_set CHECK (author IS NOT NULL) NOT VALID;");
		RevisionScript validate = script("b.sql", "bbbb", "-- Revises: aaaa\n",
				"ALTER TABLE notes VALIDATE CONSTRAINT author_set;");
		RevisionScript setNotNull = script("c.sql", "cccc", "-- Revises: bbbb\n",
				"SET lock_timeout = '1s';\nALTER TABLE notes ALTER COLUMN author SET NOT NULL;");
		assertThat(lines(LINTER.lint(List.of(check, validate, setNotNull)))).isEmpty();
		assertThat(lines(new Linter(SqlSyntax.POSTGRESQL, 11, false).lint(List.of(check, validate, setNotNull))))
			.containsExactly("db/c.sql:6: error adding-not-nullable-field: SET NOT NULL scans the whole table under "
					+ "an ACCESS EXCLUSIVE lock; validate a CHECK (column IS NOT NULL) first");
	}

	@Test
	void theEngineSettingALockTimeoutSatisfiesRequireTimeoutSettings() {
		RevisionScript script = script("a.sql", "aaaa", "", "ALTER TABLE notes ADD COLUMN author text;");
		assertThat(lines(LINTER.lint(List.of(script)))).singleElement().asString()
			.startsWith("db/a.sql:4: warning require-timeout-settings:");
		assertThat(new Linter(SqlSyntax.POSTGRESQL, 18, true).lint(List.of(script)).findings()).isEmpty();
	}

	@Test
	void aLockTimeoutHeaderSatisfiesRequireTimeoutSettingsButNoLimitDoesNot() {
		RevisionScript limited = script("a.sql", "aaaa", "-- Lock Timeout: 5s",
				"ALTER TABLE notes ADD COLUMN author text;");
		RevisionScript unlimited = script("b.sql", "bbbb", "-- Lock Timeout: 0",
				"ALTER TABLE notes ADD COLUMN editor text;");
		assertThat(lines(LINTER.lint(List.of(limited, unlimited)))).singleElement().asString()
			.startsWith("db/b.sql:4: warning require-timeout-settings:");
	}

	@Test
	void anUnterminatedStringNamesTheFileAndLine() {
		RevisionScript script = script("a.sql", "aaaa", "", "SELECT 1;\nSELECT 'open;");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> LINTER.lint(List.of(script)))
			.withMessage("db/a.sql:5: Unterminated string starting on line 5");
	}

}

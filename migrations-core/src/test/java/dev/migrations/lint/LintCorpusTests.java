package dev.migrations.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.script.RevisionScript;
import dev.migrations.script.ScriptParser;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the corpus {@code lint/cases.sql}: the statements each rule must flag and those it must not, the
 * same words inside comments, strings and bodies among them.
 */
class LintCorpusTests {

	private static final Pattern CASE = Pattern.compile("-- case: (flags|passes) ([a-z-]+)");

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void flagsWhatTheCaseSays(Case lintCase) {
		List<String> rules = lintCase.lint().findings().stream().map((finding) -> finding.rule().id()).toList();
		if (lintCase.flags()) {
			assertThat(rules).as(lintCase.sql()).contains(lintCase.rule().id());
		}
		else {
			assertThat(rules).as(lintCase.sql()).doesNotContain(lintCase.rule().id());
		}
	}

	@Test
	void everyRuleHasTwoCasesToFlagAndTwoToPass() {
		Map<Rule, int[]> counts = new EnumMap<>(Rule.class);
		for (Case lintCase : cases()) {
			counts.computeIfAbsent(lintCase.rule(), (rule) -> new int[2])[lintCase.flags() ? 0 : 1]++;
		}
		for (Rule rule : Rule.values()) {
			int[] count = counts.getOrDefault(rule, new int[2]);
			assertThat(count[0]).as("cases that flag " + rule.id()).isGreaterThanOrEqualTo(2);
			assertThat(count[1]).as("cases that pass " + rule.id()).isGreaterThanOrEqualTo(2);
		}
	}

	/**
	 * Each statement of the corpus as PostgreSQL reads it, against the tables the cases take as existing: any error
	 * but a syntax error is fine (a case may be unsafe or fail on purpose), and nothing is kept.
	 */
	@Test
	void everyStatementIsPostgresqlSyntax() throws SQLException {
		try (PostgresDatabase database = PostgresDatabase.create("lint_corpus");
				Connection connection = database.connect();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE authors (id bigint PRIMARY KEY, name text);"
					+ "CREATE TABLE notes (id bigint, title text, body text, author text, author_id bigint, slug text, "
					+ "created_at timestamp);"
					+ "CREATE TABLE note_tags (note_id bigint, tag text);"
					+ "INSERT INTO notes (id, title) VALUES (1, 'first')");
			connection.setAutoCommit(false);
			for (Case lintCase : cases()) {
				for (SqlStatement sql : SqlSplitter.of(SqlSyntax.POSTGRESQL).split(lintCase.sql(), 1)) {
					statement.execute("SAVEPOINT lint_case");
					try {
						statement.execute(sql.sql());
					}
					catch (SQLException ex) {
						assertThat(ex.getSQLState()).as(lintCase + ": " + sql.sql() + ": " + ex.getMessage())
							.isNotEqualTo("42601");
						statement.execute("ROLLBACK TO SAVEPOINT lint_case");
					}
				}
				connection.rollback();
			}
		}
	}

	static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		Case current = null;
		boolean inHeader = false;
		String[] lines = corpus().split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			Matcher matcher = CASE.matcher(line);
			if (matcher.matches()) {
				current = new Case(i + 1, matcher.group(1).equals("flags"),
						Rule.byId(matcher.group(2)).orElseThrow(() -> new IllegalStateException(line)));
				cases.add(current);
				inHeader = true;
			}
			else if (current != null && inHeader && line.startsWith("-- header: ")) {
				current.header.append("-- ").append(line.substring("-- header: ".length())).append('\n');
			}
			else if (current != null && inHeader && line.startsWith("-- pg: ")) {
				current.postgresVersion = Integer.parseInt(line.substring("-- pg: ".length()));
			}
			else if (current != null) {
				inHeader = false;
				current.body.append(line).append('\n');
			}
		}
		return cases;
	}

	private static String corpus() {
		try (InputStream in = LintCorpusTests.class.getResourceAsStream("/lint/cases.sql")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One case: a revision's upgrade section, the rule, and whether the rule must flag it. */
	static final class Case {

		private final int line;

		private final boolean flags;

		private final Rule rule;

		private final StringBuilder header = new StringBuilder();

		private final StringBuilder body = new StringBuilder();

		private int postgresVersion = LintOptions.NEWEST_POSTGRESQL;

		Case(int line, boolean flags, Rule rule) {
			this.line = line;
			this.flags = flags;
			this.rule = rule;
		}

		boolean flags() {
			return this.flags;
		}

		Rule rule() {
			return this.rule;
		}

		String sql() {
			return this.body.toString().strip();
		}

		LintReport lint() {
			String text = "-- Revision ID: case" + this.line + "\n" + this.header + "\n-- migrate:upgrade\n" + sql();
			RevisionScript script = ScriptParser.parse("cases.sql:" + this.line, text);
			return new Linter(SqlSyntax.POSTGRESQL, this.postgresVersion, false).lint(List.of(script));
		}

		@Override
		public String toString() {
			return "line " + this.line + ": " + (this.flags ? "flags " : "passes ") + this.rule.id();
		}

	}

}

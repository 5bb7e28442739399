package dev.migrations.sql;

import java.util.List;

import dev.migrations.error.ErrorKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlSplitterTest {

	private static List<SqlStatement> split(SqlSyntax syntax, String sql) {
		return SqlSplitter.of(syntax).split(sql, 1);
	}

	private static List<String> texts(SqlSyntax syntax, String sql) {
		return split(syntax, sql).stream().map(SqlStatement::sql).toList();
	}

	private static void assertUnterminated(SqlSyntax syntax, String sql, int line, String message, String hint) {
		assertThatExceptionOfType(SqlSyntaxException.class).isThrownBy(() -> split(syntax, sql))
			.withMessage(message)
			.satisfies((ex) -> {
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.hint()).isEqualTo(hint);
				assertThat(ex.kind()).isEqualTo(ErrorKind.SCRIPT);
			});
	}

	@Nested
	class EverySyntax {

		@ParameterizedTest
		@EnumSource(SqlSyntax.class)
		void endsStatementsAtSemicolonsWithoutKeepingThem(SqlSyntax syntax) {
			assertThat(split(syntax, "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n")).containsExactly(
					new SqlStatement("CREATE TABLE a (id int)", 1), new SqlStatement("INSERT INTO a VALUES (1)", 2));
		}

		@ParameterizedTest
		@EnumSource(SqlSyntax.class)
		void keepsAFinalStatementWithoutSemicolon(SqlSyntax syntax) {
			assertThat(split(syntax, "SELECT 1;\nSELECT 2\n\n")).containsExactly(new SqlStatement("SELECT 1", 1),
					new SqlStatement("SELECT 2", 2));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "  \n\t\n", "-- only a comment\n/* and a block */\n", ";\n;;" })
		void findsNoStatementInBlankOrCommentOnlyText(String sql) {
			for (SqlSyntax syntax : SqlSyntax.values()) {
				assertThat(split(syntax, sql)).isEmpty();
			}
		}

		@ParameterizedTest
		@EnumSource(SqlSyntax.class)
		void startsAStatementOnTheLineOfItsFirstTokenPastLeadingComments(SqlSyntax syntax) {
			String sql = """

					-- the users
					/* a block comment
					   over two lines */
					CREATE TABLE users (
						id int,
						name varchar(20)
					);

					INSERT INTO users VALUES (1, 'a');
					""";
			assertThat(SqlSplitter.of(syntax).split(sql, 10)).containsExactly(
					new SqlStatement("CREATE TABLE users (\n\tid int,\n\tname varchar(20)\n)", 14),
					new SqlStatement("INSERT INTO users VALUES (1, 'a')", 19));
		}

		@ParameterizedTest
		@EnumSource(SqlSyntax.class)
		void keepsCommentsInsideAStatementButNotAfterIt(SqlSyntax syntax) {
			assertThat(texts(syntax, "SELECT 1 -- one;\n + 2 /* two; */ ;\nSELECT 3 -- three\n"))
				.containsExactly("SELECT 1 -- one;\n + 2", "SELECT 3");
		}

		@ParameterizedTest
		@EnumSource(SqlSyntax.class)
		void ignoresSemicolonsInStringsWithDoubledQuotes(SqlSyntax syntax) {
			assertThat(texts(syntax, "INSERT INTO t VALUES ('it''s; fine', '');SELECT 2"))
				.containsExactly("INSERT INTO t VALUES ('it''s; fine', '')", "SELECT 2");
		}

		@ParameterizedTest
		@EnumSource(SqlSyntax.class)
		void countsEveryKindOfLineEnding(SqlSyntax syntax) {
			assertThat(split(syntax, "SELECT 1;\r\nSELECT 2;\rSELECT 3;\nSELECT 4")).extracting(SqlStatement::line)
				.containsExactly(1, 2, 3, 4);
		}

		@ParameterizedTest
		@EnumSource(SqlSyntax.class)
		void reportsAnUnterminatedStringOnTheLineItStarts(SqlSyntax syntax) {
			assertUnterminated(syntax, "SELECT 1;\n\nSELECT 'oops;\nSELECT 2;\n", 3,
					"Unterminated string starting on line 3", "Close the string that starts on line 3 with '");
		}

		@ParameterizedTest
		@EnumSource(SqlSyntax.class)
		void countsErrorLinesFromTheFirstLineOfTheSection(SqlSyntax syntax) {
			assertThatExceptionOfType(SqlSyntaxException.class)
				.isThrownBy(() -> SqlSplitter.of(syntax).split("SELECT 1;\nSELECT 'oops", 40))
				.satisfies((ex) -> assertThat(ex.line()).isEqualTo(41));
		}

	}

	@Nested
	class Postgresql {

		private static final SqlSyntax SYNTAX = SqlSyntax.POSTGRESQL;

		@Test
		void ignoresSemicolonsInQuotedIdentifiers() {
			assertThat(texts(SYNTAX, "SELECT 1 AS \"a;\"\"b\"; SELECT 2")).containsExactly("SELECT 1 AS \"a;\"\"b\"",
					"SELECT 2");
		}

		@Test
		void readsBackslashEscapesOnlyInEscapeStrings() {
			assertThat(texts(SYNTAX, "SELECT E'it\\'s; fine', e'\\\\'; SELECT 'C:\\'; SELECT 3"))
				.containsExactly("SELECT E'it\\'s; fine', e'\\\\'", "SELECT 'C:\\'", "SELECT 3");
		}

		@Test
		void startsEscapeStringsOnlyAtALoneE() {
			assertThat(texts(SYNTAX, "SELECT e.name FROM t e WHERE e.path = 'C:\\'; SELECT 2"))
				.containsExactly("SELECT e.name FROM t e WHERE e.path = 'C:\\'", "SELECT 2");
		}

		@Test
		void ignoresSemicolonsInDollarQuotedBodies() {
			String sql = """
					CREATE FUNCTION one() RETURNS int LANGUAGE plpgsql AS $$
					BEGIN
						RETURN 1;
					END;
					$$;
					SELECT one();
					""";
			assertThat(split(SYNTAX, sql)).containsExactly(
					new SqlStatement(
							"CREATE FUNCTION one() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n\tRETURN 1;\nEND;\n$$", 1),
					new SqlStatement("SELECT one()", 6));
		}

		@Test
		void endsATaggedBodyOnlyAtTheSameTag() {
			assertThat(texts(SYNTAX, "SELECT $fn$ a; $$ b; $other$ c; $fn$; SELECT $body_2$;$body_2$; SELECT 3"))
				.containsExactly("SELECT $fn$ a; $$ b; $other$ c; $fn$", "SELECT $body_2$;$body_2$", "SELECT 3");
		}

		@Test
		void takesNeitherParametersNorDollarsInIdentifiersForDollarQuotes() {
			assertThat(texts(SYNTAX, "PREPARE p(int) AS SELECT $1; SELECT price$ FROM t; EXECUTE p(1)"))
				.containsExactly("PREPARE p(int) AS SELECT $1", "SELECT price$ FROM t", "EXECUTE p(1)");
		}

		@Test
		void nestsBlockComments() {
			assertThat(split(SYNTAX, "/* outer /* inner; */ still a comment; */\nSELECT 1 /* a; /* b; */ c; */ ; SELECT 2"))
				.containsExactly(new SqlStatement("SELECT 1", 2), new SqlStatement("SELECT 2", 2));
		}

		@Test
		void keepsABeginAtomicBodyWholeThroughCaseEnd() {
			String sql = """
					CREATE FUNCTION grade(score int) RETURNS text LANGUAGE sql
					BEGIN ATOMIC
						SELECT CASE WHEN score > 50 THEN 'pass' ELSE CASE WHEN score > 0 THEN 'fail' END END;
						SELECT 'unused';
					END;
					CREATE PROCEDURE touch() LANGUAGE sql BEGIN /* sic */ ATOMIC UPDATE t SET n = n + 1; END;
					SELECT grade(60);
					""";
			assertThat(split(SYNTAX, sql)).extracting(SqlStatement::line).containsExactly(1, 6, 7);
			assertThat(split(SYNTAX, sql).get(0).sql()).startsWith("CREATE FUNCTION grade").endsWith("'unused';\nEND");
		}

		@Test
		void endsStatementsAfterTransactionBeginAndCaseExpressions() {
			assertThat(texts(SYNTAX, "BEGIN; SELECT CASE WHEN true THEN 1 END; COMMIT"))
				.containsExactly("BEGIN", "SELECT CASE WHEN true THEN 1 END", "COMMIT");
		}

		@Test
		void ignoresSemicolonsInsideParenthesesAsPsqlDoes() {
			assertThat(texts(SYNTAX, "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY t); SELECT 1"))
				.containsExactly("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY t)", "SELECT 1");
		}

		@Test
		void reportsAnUnterminatedQuotedIdentifier() {
			assertUnterminated(SYNTAX, "SELECT 1;\nSELECT \"a;\nb", 2, "Unterminated quoted identifier starting on line 2",
					"Close the quoted identifier that starts on line 2 with \"");
		}

		@Test
		void reportsAnUnterminatedEscapeString() {
			assertUnterminated(SYNTAX, "SELECT E'it\\';", 1, "Unterminated E'' string starting on line 1",
					"Close the E'' string that starts on line 1 with '");
		}

		@Test
		void reportsAnUnterminatedDollarQuotedBodyWithItsTag() {
			assertUnterminated(SYNTAX, "SELECT 1;\nDO $fn$ BEGIN NULL; END $$;\n", 2,
					"Unterminated dollar-quoted body $fn$ starting on line 2",
					"Close the dollar-quoted body $fn$ that starts on line 2 with $fn$");
		}

		@Test
		void reportsABlockCommentLeftOpenByANestedOne() {
			assertUnterminated(SYNTAX, "SELECT 1;\n/* outer\n/* inner */\nSELECT 2;", 2,
					"Unterminated block comment starting on line 2",
					"Close the block comment that starts on line 2 with */; block comments nest, so each /* inside it needs its own */");
		}

	}

	@Nested
	class H2 {

		private static final SqlSyntax SYNTAX = SqlSyntax.H2;

		@Test
		void ignoresSemicolonsInDollarQuotedSource() {
			assertThat(texts(SYNTAX, "CREATE ALIAS twice AS $$ int twice(int x) { return x * 2; } $$; SELECT twice(2)"))
				.containsExactly("CREATE ALIAS twice AS $$ int twice(int x) { return x * 2; } $$", "SELECT twice(2)");
		}

		@Test
		void ignoresSemicolonsInQuotedIdentifiersAndTakesBackslashesLiterally() {
			assertThat(texts(SYNTAX, "SELECT 'C:\\' AS \"a;b\"; SELECT 2")).containsExactly("SELECT 'C:\\' AS \"a;b\"",
					"SELECT 2");
		}

		@Test
		void readsDoubleSlashLineCommentsAndNestedBlockComments() {
			assertThat(split(SYNTAX, "// a comment;\nSELECT 1 /* a /* b; */ c; */ ; SELECT 2 // two; \n"))
				.containsExactly(new SqlStatement("SELECT 1", 2), new SqlStatement("SELECT 2", 2));
		}

		@Test
		void reportsAnUnterminatedDollarQuotedBody() {
			assertUnterminated(SYNTAX, "CREATE ALIAS f AS $$\nint f() { return 1; }\n", 1,
					"Unterminated dollar-quoted body $$ starting on line 1",
					"Close the dollar-quoted body $$ that starts on line 1 with $$");
		}

	}

	@Nested
	class Mariadb {

		private static final SqlSyntax SYNTAX = SqlSyntax.MARIADB;

		@Test
		void readsBackslashEscapesInSingleAndDoubleQuotedStrings() {
			assertThat(texts(SYNTAX, "SELECT 'it\\'s; fine', \"say \\\"hi;\\\"\", 'C:\\\\'; SELECT 2"))
				.containsExactly("SELECT 'it\\'s; fine', \"say \\\"hi;\\\"\", 'C:\\\\'", "SELECT 2");
		}

		@Test
		void ignoresSemicolonsInBacktickIdentifiers() {
			assertThat(texts(SYNTAX, "SELECT 1 AS `a;``b`; SELECT 2")).containsExactly("SELECT 1 AS `a;``b`", "SELECT 2");
		}

		@Test
		void readsHashCommentsAndDoubleDashCommentsOnlyBeforeASpace() {
			assertThat(split(SYNTAX, "# a note; here\nSELECT 1--1;\nSELECT 2 -- two; three\n;"))
				.containsExactly(new SqlStatement("SELECT 1--1", 2), new SqlStatement("SELECT 2", 3));
		}

		@Test
		void endsABlockCommentAtTheFirstClose() {
			assertThat(texts(SYNTAX, "/* a /* b */ SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
		}

		@Test
		void keepsACompoundStatementOfAStoredProgramWhole() {
			String sql = """
					CREATE DEFINER = CURRENT_USER PROCEDURE fill(IN n INT)
					main: BEGIN
						DECLARE i INT DEFAULT 0;
						DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN SET i = n; END;
						WHILE i < n DO
							INSERT INTO t VALUES (CASE WHEN i > 1 THEN 'many' ELSE 'few' END);
							SET i = i + 1;
						END WHILE;
						IF n > 5 THEN LEAVE main; END IF;
						CASE n WHEN 0 THEN SET i = 0; ELSE SET i = 1; END CASE;
					END main;
					CALL fill(3);
					""";
			assertThat(split(SYNTAX, sql)).extracting(SqlStatement::line).containsExactly(1, 12);
			assertThat(split(SYNTAX, sql).get(0).sql()).endsWith("END CASE;\nEND main");
		}

		@Test
		void keepsTriggerAndEventBodiesWhole() {
			String sql = """
					CREATE TRIGGER stamp BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END;
					CREATE TRIGGER plain BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = 3;
					CREATE EVENT tidy ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; DELETE FROM u; END;
					""";
			assertThat(split(SYNTAX, sql)).extracting(SqlStatement::line).containsExactly(1, 2, 3);
		}

		@Test
		void keepsAnAnonymousBlockWholeButEndsATransactionBegin() {
			assertThat(texts(SYNTAX, "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END; BEGIN; SELECT 3; COMMIT"))
				.containsExactly("BEGIN NOT ATOMIC SELECT 1; SELECT 2; END", "BEGIN", "SELECT 3", "COMMIT");
		}

		@Test
		void followsTheDelimiterCommand() {
			String sql = """
					DELIMITER //
					CREATE FUNCTION one() RETURNS INT
					BEGIN
						RETURN 1;
					END//
					delimiter $$
					CREATE PROCEDURE p() SELECT ';'$$
					DELIMITER ;
					SELECT one();
					""";
			assertThat(split(SYNTAX, sql)).containsExactly(
					new SqlStatement("CREATE FUNCTION one() RETURNS INT\nBEGIN\n\tRETURN 1;\nEND", 2),
					new SqlStatement("CREATE PROCEDURE p() SELECT ';'", 7), new SqlStatement("SELECT one()", 9));
		}

		@Test
		void endsAWordAtACustomDelimiter() {
			assertThat(texts(SYNTAX, "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\n"))
				.containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1; END");
		}

		@Test
		void reportsADelimiterCommandWithoutADelimiter() {
			assertThatExceptionOfType(SqlSyntaxException.class).isThrownBy(() -> split(SYNTAX, "SELECT 1;\nDELIMITER \n"))
				.withMessage("DELIMITER on line 2 names no delimiter")
				.satisfies((ex) -> assertThat(ex.hint())
					.isEqualTo("Write the new delimiter after DELIMITER, as in DELIMITER //, and DELIMITER ; to go back"));
		}

		@Test
		void reportsAnUnterminatedDoubleQuotedString() {
			assertUnterminated(SYNTAX, "SELECT \"a\\\";", 1, "Unterminated string starting on line 1",
					"Close the string that starts on line 1 with \"");
		}

		@Test
		void reportsAnUnterminatedBacktickIdentifier() {
			assertUnterminated(SYNTAX, "\nSELECT `a;", 2, "Unterminated quoted identifier starting on line 2",
					"Close the quoted identifier that starts on line 2 with `");
		}

		@Test
		void reportsAnUnterminatedBlockComment() {
			assertUnterminated(SYNTAX, "SELECT 1; /* never closed", 1, "Unterminated block comment starting on line 1",
					"Close the block comment that starts on line 1 with */");
		}

	}

}

package dev.migrations.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.sql.SqlToken.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SqlSplitter#tokens}: comments are no tokens; strings, identifiers and bodies are one token each. */
class SqlTokensTest {

	@Test
	void postgresqlTokensSkipCommentsAndKeepQuotedTextWhole() {
		String sql = "ALTER TABLE \"Notes\" -- DROP COLUMN x\n"
				+ "  ADD COLUMN note text DEFAULT E'it\\'s' /* DROP TABLE */,\n"
				+ "  ADD COLUMN n bigint DEFAULT 42 CHECK (n > 0); DO $fn$ DROP TABLE t $fn$";
		List<SqlToken> tokens = SqlSplitter.of(SqlSyntax.POSTGRESQL).tokens(sql, 7);
		assertThat(tokens).extracting(SqlToken::text)
			.containsExactly("ALTER", "TABLE", "\"Notes\"", "ADD", "COLUMN", "note", "text", "DEFAULT", "E'it\\'s'",
					",", "ADD", "COLUMN", "n", "bigint", "DEFAULT", "42", "CHECK", "(", "n", ">", "0", ")", "DO",
					"$fn$ DROP TABLE t $fn$");
		assertThat(tokens).extracting(SqlToken::kind)
			.containsSubsequence(Kind.QUOTED_IDENTIFIER, Kind.STRING, Kind.SYMBOL, Kind.NUMBER, Kind.BODY);
		assertThat(tokens.get(2).line()).isEqualTo(7);
		assertThat(tokens.get(3).line()).isEqualTo(8);
		assertThat(tokens.get(tokens.size() - 1).line()).isEqualTo(9);
	}

	@Test
	void mariadbTokensKnowBackticksHashCommentsAndDoubleQuotedStrings() {
		List<SqlToken> tokens = SqlSplitter.of(SqlSyntax.MARIADB).tokens("SELECT `a b`, \"DROP\" # DROP TABLE\n", 1);
		assertThat(tokens).extracting(SqlToken::kind)
			.containsExactly(Kind.WORD, Kind.QUOTED_IDENTIFIER, Kind.SYMBOL, Kind.STRING);
	}

}

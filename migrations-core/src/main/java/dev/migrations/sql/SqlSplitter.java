package dev.migrations.sql;

import java.util.List;

/**
 * Splits a script section into statements with full knowledge of a database's lexical syntax, so that a
 * semicolon inside a string, a quoted identifier, a comment or a function body never ends a statement.
 */
public interface SqlSplitter {

	/**
	 * @param sql the section text
	 * @param firstLine the file line on which {@code sql} starts, so statements carry file lines
	 * @return the statements in order; comments-only and blank text yields none
	 * @throws SqlSyntaxException for an unterminated string, identifier, comment or dollar-quoted body
	 */
	List<SqlStatement> split(String sql, int firstLine);

	/**
	 * The tokens of a text, read as {@link #split} reads it: comments are skipped and statement delimiters are no
	 * tokens, so a rule matching words never matches inside a comment, a string or a body.
	 * @param sql a statement's text (or a section's)
	 * @param firstLine the file line on which {@code sql} starts, so tokens carry file lines
	 * @throws SqlSyntaxException for an unterminated string, identifier, comment or dollar-quoted body
	 */
	List<SqlToken> tokens(String sql, int firstLine);

	/** The splitter for a database's syntax; it keeps no state between calls, so one instance serves every script. */
	static SqlSplitter of(SqlSyntax syntax) {
		return new TokenizingSqlSplitter(syntax);
	}

}

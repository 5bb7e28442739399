package dev.migrations.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The splitter for every {@link SqlSyntax}: one pass of a small lexer that skips strings, quoted identifiers,
 * comments and bodies as whole tokens, so only a semicolon between tokens can end a statement. The syntaxes
 * differ only in the switches set by the constructor.
 */
final class TokenizingSqlSplitter implements SqlSplitter {

	/** PostgreSQL and H2 quote bodies with {@code $$ ... $$}. */
	private final boolean dollarQuotes;

	/** PostgreSQL also allows a tag: {@code $fn$ ... $fn$}. */
	private final boolean dollarQuoteTags;

	/** PostgreSQL's {@code E'...'} strings, in which a backslash escapes the next character. */
	private final boolean escapeStrings;

	/** PostgreSQL and H2 nest block comments; MariaDB ends one at the first {@code *}{@code /}. */
	private final boolean nestedBlockComments;

	/** psql ends a statement only at a semicolon outside parentheses ({@code CREATE RULE ... DO (a; b)}). */
	private final boolean parenthesesHoldSemicolons;

	/** PostgreSQL's SQL-standard function bodies, {@code BEGIN ATOMIC ... END}. */
	private final boolean beginAtomicBodies;

	/** MariaDB's compound statements, {@code BEGIN ... END} in stored programs and {@code BEGIN NOT ATOMIC}. */
	private final boolean compoundStatements;

	/** MariaDB strings take backslash escapes and may be double-quoted; identifiers are quoted with backticks. */
	private final boolean mariadbQuoting;

	/** MariaDB's {@code #} comments, and its rule that {@code --} starts a comment only before a space or control. */
	private final boolean mariadbComments;

	/** The MySQL client's {@code DELIMITER} command, common in dumps of stored programs. */
	private final boolean delimiterCommand;

	/** H2's {@code //} line comments. */
	private final boolean doubleSlashComments;

	TokenizingSqlSplitter(SqlSyntax syntax) {
		boolean postgresql = syntax == SqlSyntax.POSTGRESQL;
		boolean mariadb = syntax == SqlSyntax.MARIADB;
		this.dollarQuotes = !mariadb;
		this.dollarQuoteTags = postgresql;
		this.escapeStrings = postgresql;
		this.nestedBlockComments = !mariadb;
		this.parenthesesHoldSemicolons = postgresql;
		this.beginAtomicBodies = postgresql;
		this.compoundStatements = mariadb;
		this.mariadbQuoting = mariadb;
		this.mariadbComments = mariadb;
		this.delimiterCommand = mariadb;
		this.doubleSlashComments = syntax == SqlSyntax.H2;
	}

	@Override
	public List<SqlStatement> split(String sql, int firstLine) {
		return new Pass(sql, firstLine, null).run();
	}

	@Override
	public List<SqlToken> tokens(String sql, int firstLine) {
		List<SqlToken> tokens = new ArrayList<>();
		new Pass(sql, firstLine, tokens).run();
		return tokens;
	}

	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** The words that open or close bodies, or start the {@code DELIMITER} command. */
	private enum Keyword {

		ALTER, ATOMIC, BEGIN, CASE, CREATE, DELIMITER, END, EVENT, FOR, FUNCTION, IF, LOOP, NOT, PROCEDURE, REPEAT,
		TRIGGER, WHILE;

		private static final Keyword[] ALL = values();

		static Keyword of(String sql, int start, int end) {
			int length = end - start;
			for (Keyword keyword : ALL) {
				String name = keyword.name();
				if (name.length() == length && sql.regionMatches(true, start, name, 0, length)) {
					return keyword;
				}
			}
			return null;
		}

		/** The words after {@code END} that close a MariaDB loop or condition rather than a block. */
		boolean endsLoopOrCondition() {
			return this == IF || this == LOOP || this == WHILE || this == REPEAT || this == FOR;
		}

	}

	/** The state of one {@link #split} call. */
	private final class Pass {

		private final String sql;

		private final int length;

		private final List<SqlStatement> statements = new ArrayList<>();

		/** Where each token goes as it is read, or {@code null} when only statements are wanted. */
		private final List<SqlToken> tokenSink;

		private int pos;

		private int line;

		/** Characters before this offset are counted into {@link #line}. */
		private int lineCountedTo;

		/** The custom delimiter of MariaDB's {@code DELIMITER} command, or {@code null} for the semicolon. */
		private String delimiter;

		/** The offset of the current statement's first token, or -1 between statements. */
		private int statementStart = -1;

		private int statementLine;

		/** The end offset of the current statement's last token, so trailing comments stay out. */
		private int statementEnd;

		private int tokens;

		private Keyword firstWord;

		private Keyword previousWord;

		/** Whether the statement creates or alters a MariaDB stored program, in which {@code BEGIN} opens a block. */
		private boolean storedProgram;

		private int blockDepth;

		private int parenthesisDepth;

		Pass(String sql, int firstLine, List<SqlToken> tokenSink) {
			this.sql = sql;
			this.tokenSink = tokenSink;
			this.length = sql.length();
			this.line = firstLine;
		}

		List<SqlStatement> run() {
			while (this.pos < this.length) {
				char c = this.sql.charAt(this.pos);
				if (Character.isWhitespace(c)) {
					this.pos++;
				}
				else if (atDelimiter(c)) {
					this.pos += (this.delimiter != null) ? this.delimiter.length() : 1;
					endStatement();
				}
				else if (atLineComment(c)) {
					this.pos = endOfLine(this.pos);
				}
				else if (c == '/' && charAt(this.pos + 1) == '*') {
					this.pos = blockCommentEnd(this.pos);
				}
				else {
					token(c);
				}
			}
			endStatement();
			return this.statements;
		}

		private boolean atDelimiter(char c) {
			if (this.delimiter != null) {
				return this.sql.startsWith(this.delimiter, this.pos);
			}
			return c == ';' && this.blockDepth == 0 && this.parenthesisDepth == 0;
		}

		private boolean atLineComment(char c) {
			if (c == '-' && charAt(this.pos + 1) == '-') {
				return !mariadbComments || this.pos + 2 == this.length || this.sql.charAt(this.pos + 2) <= ' ';
			}
			return (c == '#' && mariadbComments) || (c == '/' && doubleSlashComments && charAt(this.pos + 1) == '/');
		}

		private void token(char c) {
			int start = this.pos;
			int tagEnd = (c == '$' && dollarQuotes) ? dollarTagEnd(start) : -1;
			SqlToken.Kind kind;
			if (c == '\'') {
				this.pos = quotedEnd(start, start, '\'', mariadbQuoting, "string");
				kind = SqlToken.Kind.STRING;
			}
			else if (c == '"') {
				this.pos = mariadbQuoting ? quotedEnd(start, start, '"', true, "string")
						: quotedEnd(start, start, '"', false, "quoted identifier");
				kind = mariadbQuoting ? SqlToken.Kind.STRING : SqlToken.Kind.QUOTED_IDENTIFIER;
			}
			else if (c == '`' && mariadbQuoting) {
				this.pos = quotedEnd(start, start, '`', false, "quoted identifier");
				kind = SqlToken.Kind.QUOTED_IDENTIFIER;
			}
			else if (tagEnd > 0) {
				this.pos = dollarBodyEnd(start, tagEnd);
				kind = SqlToken.Kind.BODY;
			}
			else if (isIdentifierStart(c)) {
				word(start);
				return;
			}
			else if (isDigit(c)) {
				this.pos = wordEnd(start);
				kind = SqlToken.Kind.NUMBER;
			}
			else {
				countParenthesis(c);
				this.pos++;
				kind = SqlToken.Kind.SYMBOL;
			}
			addToken(start, this.pos, kind);
			this.previousWord = null;
		}

		private void word(int start) {
			int end = wordEnd(start);
			char first = this.sql.charAt(start);
			if (escapeStrings && end == start + 1 && (first == 'E' || first == 'e') && charAt(end) == '\'') {
				this.pos = quotedEnd(start, end, '\'', true, "E'' string");
				addToken(start, this.pos, SqlToken.Kind.STRING);
				this.previousWord = null;
				return;
			}
			Keyword word = (beginAtomicBodies || compoundStatements || delimiterCommand) ? Keyword.of(this.sql, start, end) : null;
			if (word == Keyword.DELIMITER && delimiterCommand && this.statementStart < 0
					&& (end == this.length || Character.isWhitespace(this.sql.charAt(end)))) {
				this.pos = changeDelimiter(start, end);
				return;
			}
			this.pos = end;
			addToken(start, end, SqlToken.Kind.WORD);
			if (this.tokens == 1) {
				this.firstWord = word;
			}
			if (word != null) {
				trackBlocks(word, end);
			}
			this.previousWord = word;
		}

		/** Follows the words that open and close bodies in which semicolons do not end the statement. */
		private void trackBlocks(Keyword word, int end) {
			boolean opensCase = word == Keyword.CASE && this.blockDepth > 0 && this.previousWord != Keyword.END;
			if (beginAtomicBodies) {
				if ((word == Keyword.ATOMIC && this.previousWord == Keyword.BEGIN) || opensCase) {
					this.blockDepth++;
				}
				else if (word == Keyword.END && this.blockDepth > 0) {
					this.blockDepth--;
				}
			}
			else if (compoundStatements) {
				if (word == Keyword.PROCEDURE || word == Keyword.FUNCTION || word == Keyword.TRIGGER
						|| word == Keyword.EVENT) {
					this.storedProgram |= this.firstWord == Keyword.CREATE || this.firstWord == Keyword.ALTER;
				}
				else if ((word == Keyword.BEGIN && (this.storedProgram || this.blockDepth > 0)) || opensCase
						|| (word == Keyword.NOT && this.tokens == 2 && this.firstWord == Keyword.BEGIN)) {
					this.blockDepth++;
				}
				else if (word == Keyword.END && this.blockDepth > 0 && !nextWordEndsLoopOrCondition(end)) {
					this.blockDepth--;
				}
			}
		}

		private boolean nextWordEndsLoopOrCondition(int from) {
			int start = from;
			while (start < this.length && Character.isWhitespace(this.sql.charAt(start))) {
				start++;
			}
			if (start == this.length || !isIdentifierStart(this.sql.charAt(start))) {
				return false;
			}
			Keyword next = Keyword.of(this.sql, start, wordEnd(start));
			return next != null && next.endsLoopOrCondition();
		}

		private void countParenthesis(char c) {
			if (parenthesesHoldSemicolons) {
				if (c == '(') {
					this.parenthesisDepth++;
				}
				else if (c == ')' && this.parenthesisDepth > 0) {
					this.parenthesisDepth--;
				}
			}
		}

		private void addToken(int start, int end, SqlToken.Kind kind) {
			if (this.statementStart < 0) {
				this.statementStart = start;
				this.statementLine = lineAt(start);
			}
			if (this.tokenSink != null) {
				this.tokenSink.add(new SqlToken(kind, this.sql.substring(start, end), lineAt(start)));
			}
			this.statementEnd = end;
			this.tokens++;
		}

		private void endStatement() {
			if (this.statementStart >= 0) {
				this.statements.add(new SqlStatement(this.sql.substring(this.statementStart, this.statementEnd),
						this.statementLine));
			}
			this.statementStart = -1;
			this.tokens = 0;
			this.firstWord = null;
			this.previousWord = null;
			this.storedProgram = false;
			this.blockDepth = 0;
			this.parenthesisDepth = 0;
		}

		/** The end of an identifier, keyword or number; a custom delimiter ends it too ({@code END$$}). */
		private int wordEnd(int start) {
			int end = start + 1;
			while (end < this.length && isIdentifierPart(this.sql.charAt(end))
					&& (this.delimiter == null || !this.sql.startsWith(this.delimiter, end))) {
				end++;
			}
			return end;
		}

		/**
		 * The end of a quoted string or identifier whose opening quote is at {@code open}; a doubled quote stands for
		 * itself, and with {@code backslashEscapes} a backslash escapes the next character.
		 */
		private int quotedEnd(int start, int open, char quote, boolean backslashEscapes, String what) {
			int i = open + 1;
			while (i < this.length) {
				char c = this.sql.charAt(i);
				if (c == quote) {
					if (charAt(i + 1) != quote) {
						return i + 1;
					}
					i += 2;
				}
				else {
					i += (c == '\\' && backslashEscapes) ? 2 : 1;
				}
			}
			throw unterminated(what, start, String.valueOf(quote), "");
		}

		/** The end of a dollar-quote opening tag ({@code $$} or {@code $tag$}) at {@code start}, or -1 for none. */
		private int dollarTagEnd(int start) {
			int i = start + 1;
			if (dollarQuoteTags && i < this.length && isIdentifierStart(this.sql.charAt(i))) {
				while (i < this.length && isIdentifierPart(this.sql.charAt(i)) && this.sql.charAt(i) != '$') {
					i++;
				}
			}
			return (charAt(i) == '$') ? i + 1 : -1;
		}

		private int dollarBodyEnd(int start, int tagEnd) {
			int tagLength = tagEnd - start;
			int i = this.sql.indexOf('$', tagEnd);
			while (i >= 0) {
				if (this.sql.regionMatches(i, this.sql, start, tagLength)) {
					return i + tagLength;
				}
				i = this.sql.indexOf('$', i + 1);
			}
			String tag = this.sql.substring(start, tagEnd);
			throw unterminated("dollar-quoted body " + tag, start, tag, "");
		}

		private int blockCommentEnd(int start) {
			int depth = 1;
			int i = start + 2;
			while (i < this.length - 1) {
				char c = this.sql.charAt(i);
				if (c == '*' && this.sql.charAt(i + 1) == '/') {
					if (--depth == 0) {
						return i + 2;
					}
					i += 2;
				}
				else if (c == '/' && this.sql.charAt(i + 1) == '*' && nestedBlockComments) {
					depth++;
					i += 2;
				}
				else {
					i++;
				}
			}
			throw unterminated("block comment", start, "*/",
					nestedBlockComments ? "; block comments nest, so each /* inside it needs its own */" : "");
		}

		/** Reads MariaDB's {@code DELIMITER} command, which ends at the end of its line and is no statement. */
		private int changeDelimiter(int commandStart, int commandEnd) {
			int start = commandEnd;
			while (start < this.length && (this.sql.charAt(start) == ' ' || this.sql.charAt(start) == '\t')) {
				start++;
			}
			int end = start;
			while (end < this.length && !Character.isWhitespace(this.sql.charAt(end))) {
				end++;
			}
			if (end == start) {
				int commandLine = lineAt(commandStart);
				throw new SqlSyntaxException(commandLine, "DELIMITER on line " + commandLine + " names no delimiter",
						"Write the new delimiter after DELIMITER, as in DELIMITER //, and DELIMITER ; to go back");
			}
			String named = this.sql.substring(start, end);
			this.delimiter = named.equals(";") ? null : named;
			return endOfLine(end);
		}

		private int endOfLine(int from) {
			int i = from;
			while (i < this.length && this.sql.charAt(i) != '\n' && this.sql.charAt(i) != '\r') {
				i++;
			}
			return i;
		}

		/** The line of {@code offset}; offsets must be asked for in increasing order, as the pass meets them. */
		private int lineAt(int offset) {
			while (this.lineCountedTo < offset) {
				char c = this.sql.charAt(this.lineCountedTo++);
				if (c == '\n' || (c == '\r' && charAt(this.lineCountedTo) != '\n')) {
					this.line++;
				}
			}
			return this.line;
		}

		private char charAt(int index) {
			return (index < this.length) ? this.sql.charAt(index) : '\0';
		}

		private SqlSyntaxException unterminated(String what, int start, String closer, String note) {
			int startLine = lineAt(start);
			return new SqlSyntaxException(startLine, "Unterminated " + what + " starting on line " + startLine,
					"Close the " + what + " that starts on line " + startLine + " with " + closer + note);
		}

	}

}

package dev.migrations.lint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.script.MigrationBody;
import dev.migrations.script.RevisionScript;
import dev.migrations.script.ScriptException;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.sql.SqlSyntaxException;

/**
 * Checks the upgrade sections of revisions, oldest first, against the {@link Rule rules}: each statement as the
 * project's splitter reads it, on its tokens, so comments, strings and bodies never match. Downgrade sections are
 * not checked (they undo, and dropping what the upgrade added is their job), nor are Java migrations.
 */
public final class Linter {

	private final SqlSplitter splitter;

	private final int postgresVersion;

	private final boolean engineSetsLockTimeout;

	/**
	 * @param syntax the scripts' lexical syntax
	 * @param postgresVersion the PostgreSQL major version the revisions will run on
	 * @param engineSetsLockTimeout whether the engine sets a lock timeout before each revision
	 */
	public Linter(SqlSyntax syntax, int postgresVersion, boolean engineSetsLockTimeout) {
		this.splitter = SqlSplitter.of(syntax);
		this.postgresVersion = postgresVersion;
		this.engineSetsLockTimeout = engineSetsLockTimeout;
	}

	/**
	 * @param scripts the revisions in the order they run
	 * @throws ScriptException for a statement the splitter can't read, naming the file and line
	 */
	public LintReport lint(List<RevisionScript> scripts) {
		LintContext context = new LintContext(this.postgresVersion, this.engineSetsLockTimeout);
		List<Finding> findings = new ArrayList<>();
		List<String> revisions = new ArrayList<>();
		for (RevisionScript script : scripts) {
			revisions.add(script.id());
			if (script.upgrade() instanceof MigrationBody.Sql section) {
				lintRevision(script, section, context, findings);
			}
		}
		return new LintReport(findings, revisions, this.postgresVersion);
	}

	private void lintRevision(RevisionScript script, MigrationBody.Sql section, LintContext context,
			List<Finding> findings) {
		context.startRevision(script.transactional());
		Duration headerLockTimeout = script.timeouts().lock();
		if (headerLockTimeout != null && !headerLockTimeout.isZero()) {
			context.lockTimeoutSet();
		}
		IgnoreDirective header = (script.lintIgnore() != null)
				? IgnoreDirective.parse(script.lintIgnore().value(), script.lintIgnore().line()) : null;
		List<Finding> revisionFindings = new ArrayList<>();
		checkReason(script, header, revisionFindings);
		String[] lines = section.sql().split("\n", -1);
		try {
			for (SqlStatement statement : this.splitter.split(section.sql(), section.firstLine())) {
				int previous = statement.line() - 1 - section.firstLine();
				IgnoreDirective inline = (previous >= 0 && previous < lines.length)
						? IgnoreDirective.ofComment(lines[previous], statement.line() - 1) : null;
				checkReason(script, inline, revisionFindings);
				StatementRules.check(new Tokens(this.splitter.tokens(statement.sql(), statement.line())), context);
				Set<LintContext.Hit> hits = new LinkedHashSet<>(context.takeHits());
				for (LintContext.Hit hit : hits) {
					if (!silenced(hit.rule(), header) && !silenced(hit.rule(), inline)) {
						revisionFindings.add(new Finding(script.location(), hit.line(), script.id(), hit.rule()));
					}
				}
			}
		}
		catch (SqlSyntaxException ex) {
			throw new ScriptException(script.location(), ex.line(), ex.getMessage(), ex.hint());
		}
		revisionFindings.sort(Comparator.comparingInt(Finding::line));
		findings.addAll(revisionFindings);
	}

	private static void checkReason(RevisionScript script, IgnoreDirective directive, List<Finding> findings) {
		if (directive != null && !directive.complete()) {
			findings.add(new Finding(script.location(), directive.line(), script.id(), Rule.IGNORE_WITHOUT_REASON));
		}
	}

	private static boolean silenced(Rule rule, IgnoreDirective directive) {
		return directive != null && directive.silences(rule);
	}

}

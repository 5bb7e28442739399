package dev.migrations.lint;

import java.util.List;

/**
 * What {@code lint} found.
 *
 * @param findings the findings, in revision order, then line order
 * @param revisions the revisions linted, oldest first
 * @param postgresVersion the PostgreSQL major version the rules assumed
 */
public record LintReport(List<Finding> findings, List<String> revisions, int postgresVersion) {

	public LintReport {
		findings = List.copyOf(findings);
		revisions = List.copyOf(revisions);
	}

	public long errors() {
		return this.findings.stream().filter((finding) -> finding.severity() == Severity.ERROR).count();
	}

	public long warnings() {
		return this.findings.size() - errors();
	}

	/** Whether any finding is an error: then {@code lint} exits 1. */
	public boolean hasErrors() {
		return errors() > 0;
	}

	/** {@code Linted 3 revisions: 1 error, 2 warnings.} */
	public String summary() {
		return "Linted " + count(this.revisions.size(), "revision") + ": " + count(errors(), "error") + ", "
				+ count(warnings(), "warning") + ".";
	}

	private static String count(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}

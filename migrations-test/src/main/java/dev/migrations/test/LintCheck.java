package dev.migrations.test;

import java.util.List;

import dev.migrations.lint.Finding;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.Severity;

/**
 * {@code migrations lint} over every revision, as a check: an error-level finding (a statement that locks or
 * rewrites a busy table, or breaks running code; {@code docs/lint.md}) fails it with the command's lines. Warnings do
 * not fail it: {@code migrations lint} lists them.
 */
final class LintCheck {

	private LintCheck() {
	}

	static Check of(ScriptsUnderTest scripts) {
		return new Check("lint", List.of(new Check.Step("lint every revision", () -> verify(scripts))), () -> {
		});
	}

	private static void verify(ScriptsUnderTest scripts) {
		LintReport report = scripts.on(null).lint(null, LintOptions.defaults());
		List<String> errors = report.findings()
			.stream()
			.filter((finding) -> finding.severity() == Severity.ERROR)
			.map(Finding::describe)
			.toList();
		if (!errors.isEmpty()) {
			throw new AssertionError(String.join(System.lineSeparator(), errors) + System.lineSeparator()
					+ report.summary() + " Make the statements safe (docs/lint.md), or silence a reviewed one with "
					+ "'-- lint: ignore <rule-id> <reason>' on the line before it");
		}
	}

}

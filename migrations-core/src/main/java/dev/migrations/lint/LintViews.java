package dev.migrations.lint;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of {@code lint}, as maps and lists ({@code report.Json} writes them): its own JSON, and SARIF 2.1.0
 * for code-scanning tools. The command line's {@code lint --format} and the Maven plugin's
 * {@code -Dmigrations.format} print the same.
 */
public final class LintViews {

	private static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

	private static final String RULES_DOCUMENT = "docs/lint.md";

	private LintViews() {
	}

	/** {@code {"findings": [...], "revisions": [...], "postgresVersion": N, "errors": N, "warnings": N}}. */
	public static Map<String, Object> json(LintReport report) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("findings", report.findings().stream().map(LintViews::finding).toList());
		json.put("revisions", report.revisions());
		json.put("postgresVersion", report.postgresVersion());
		json.put("errors", report.errors());
		json.put("warnings", report.warnings());
		return json;
	}

	private static Map<String, Object> finding(Finding finding) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("file", finding.file());
		json.put("line", finding.line());
		json.put("revision", finding.revision());
		json.put("severity", finding.severity().label());
		json.put("rule", finding.rule().id());
		json.put("message", finding.message());
		return json;
	}

	/** One SARIF 2.1.0 log with one run: every rule in the tool's driver, and a result per finding. */
	public static Map<String, Object> sarif(LintReport report) {
		Map<String, Object> driver = new LinkedHashMap<>();
		driver.put("name", "migrations lint");
		driver.put("informationUri", RULES_DOCUMENT);
		driver.put("rules", Arrays.stream(Rule.values()).map(LintViews::sarifRule).toList());
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("tool", Map.of("driver", driver));
		run.put("results", report.findings().stream().map(LintViews::sarifResult).toList());
		Map<String, Object> log = new LinkedHashMap<>();
		log.put("$schema", SARIF_SCHEMA);
		log.put("version", "2.1.0");
		log.put("runs", List.of(run));
		return log;
	}

	private static Map<String, Object> sarifRule(Rule rule) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", rule.id());
		json.put("shortDescription", Map.of("text", rule.message()));
		json.put("helpUri", RULES_DOCUMENT + "#" + rule.id());
		json.put("defaultConfiguration", Map.of("level", rule.severity().label()));
		return json;
	}

	private static Map<String, Object> sarifResult(Finding finding) {
		Map<String, Object> region = Map.of("startLine", finding.line());
		Map<String, Object> physicalLocation = new LinkedHashMap<>();
		physicalLocation.put("artifactLocation", Map.of("uri", finding.file()));
		physicalLocation.put("region", region);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("ruleId", finding.rule().id());
		json.put("level", finding.severity().label());
		json.put("message", Map.of("text", finding.message()));
		json.put("locations", List.of(Map.of("physicalLocation", physicalLocation)));
		return json;
	}

}

package dev.migrations.lint;

import java.util.Locale;

/** How bad a finding is: an error fails {@code lint} (exit 1), a warning is reported only. */
public enum Severity {

	ERROR, WARNING;

	/** {@code error} or {@code warning}, as the text, JSON and SARIF outputs spell it. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}

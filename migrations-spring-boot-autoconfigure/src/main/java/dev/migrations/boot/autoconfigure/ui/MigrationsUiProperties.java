package dev.migrations.boot.autoconfigure.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The operators' page ({@code migrations.ui.*}). */
@ConfigurationProperties("migrations.ui")
public class MigrationsUiProperties {

	/** Whether to serve the operators' page: the revision graph, the database's position and each revision's history. */
	private boolean enabled;

	/** The page's path; on the management port when management.server.port is set. */
	private String path = "/migrations";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	/** @throws IllegalArgumentException for a path that is not one absolute path without wildcards */
	public void setPath(String path) {
		if (!path.startsWith("/") || path.contains("*") || path.contains("{") || path.contains("?")
				|| path.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException("migrations.ui.path '" + path + "' is not a plain absolute path: start"
					+ " it with '/', without spaces, '*', '?' or '{' (for example /migrations)");
		}
		this.path = path;
	}

}

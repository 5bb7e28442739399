package dev.migrations.demo;

import java.util.List;

/**
 * The body of {@code POST /notes}.
 *
 * @param title required
 * @param body the text; empty when absent
 * @param author optional
 * @param tags optional
 */
public record NewNote(String title, String body, String author, List<String> tags) {

	public NewNote {
		body = (body != null) ? body : "";
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

}

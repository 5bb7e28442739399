package dev.migrations.demo;

import java.time.Instant;
import java.util.List;

/**
 * A note as the API shows it.
 *
 * @param id its id
 * @param title its title
 * @param body its text
 * @param author who wrote it; {@code null} if nobody said
 * @param tags its tags, sorted
 * @param createdAt when it was written
 */
public record Note(long id, String title, String body, String author, List<String> tags, Instant createdAt) {

	public Note {
		tags = List.copyOf(tags);
	}

}

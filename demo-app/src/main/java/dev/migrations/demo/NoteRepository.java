package dev.migrations.demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Notes and their tags in the {@code notes} and {@code note_tags} tables. */
@Repository
public class NoteRepository {

	private static final String SELECT_NOTES = "SELECT id, title, body, author, created_at FROM notes";

	private final JdbcClient jdbc;

	public NoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Note> findAll() {
		Map<Long, List<String>> tags = this.jdbc.sql("SELECT note_id, tag FROM note_tags ORDER BY tag")
			.query((row, number) -> Map.entry(row.getLong("note_id"), row.getString("tag")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return this.jdbc.sql(SELECT_NOTES + " ORDER BY id")
			.query((row, number) -> note(row, tags.getOrDefault(row.getLong("id"), List.of())))
			.list();
	}

	public Optional<Note> findById(long id) {
		List<String> tags = this.jdbc.sql("SELECT tag FROM note_tags WHERE note_id = ? ORDER BY tag")
			.param(id)
			.query(String.class)
			.list();
		return this.jdbc.sql(SELECT_NOTES + " WHERE id = ?").param(id).query((row, number) -> note(row, tags)).optional();
	}

	@Transactional
	public Note add(NewNote note) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO notes (title, body, author) VALUES (?, ?, ?)")
			.params(note.title(), note.body(), note.author())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		note.tags().stream().distinct().forEach((tag) -> this.jdbc
			.sql("INSERT INTO note_tags (note_id, tag) VALUES (?, ?)")
			.params(id, tag)
			.update());
		return findById(id).orElseThrow();
	}

	private static Note note(ResultSet row, List<String> tags) throws SQLException {
		return new Note(row.getLong("id"), row.getString("title"), row.getString("body"), row.getString("author"),
				tags, row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}

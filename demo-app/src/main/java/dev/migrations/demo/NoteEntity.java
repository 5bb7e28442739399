package dev.migrations.demo;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A row of {@code notes} with its tags in {@code note_tags}, mapped column for column to the schema the revisions in
 * {@code db/migrations} make: Hibernate validates it at startup ({@code ddl-auto=validate}), and
 * {@code migrations:revision} writes the next revision from a change here.
 */
@Entity
@Table(name = "notes")
public class NoteEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(nullable = false, length = 4000)
	@ColumnDefault("''")
	private String body;

	@Column(length = 100)
	private String author;

	/** Tags are a set: {@code note_tags} has the primary key {@code (note_id, tag)}. */
	@ElementCollection
	@CollectionTable(name = "note_tags", joinColumns = @JoinColumn(name = "note_id"))
	@OnDelete(action = OnDeleteAction.CASCADE)
	@Column(name = "tag", nullable = false, length = 40)
	private Set<String> tags = new LinkedHashSet<>();

	/**
	 * Written by the database's default when the row is inserted, and read back. The type is the revision's own:
	 * Hibernate would say {@code timestamp(6) with time zone}, which PostgreSQL keeps apart from the unqualified type.
	 */
	@Generated
	@Column(nullable = false, columnDefinition = "timestamp with time zone")
	@ColumnDefault("CURRENT_TIMESTAMP")
	private Instant createdAt;

	protected NoteEntity() {
	}

	NoteEntity(NewNote note) {
		this.title = note.title();
		this.body = note.body();
		this.author = note.author();
		this.tags.addAll(note.tags());
	}

	/** The note as the API shows it, its tags sorted. */
	Note toNote() {
		List<String> sortedTags = this.tags.stream().sorted().toList();
		return new Note(this.id, this.title, this.body, this.author, sortedTags, this.createdAt);
	}

}

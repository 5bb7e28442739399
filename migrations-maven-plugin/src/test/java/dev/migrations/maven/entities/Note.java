package dev.migrations.maven.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A project's one entity. */
@Entity
public class Note {

	@Id
	Long id;

	@Column(length = 200)
	String text;

}

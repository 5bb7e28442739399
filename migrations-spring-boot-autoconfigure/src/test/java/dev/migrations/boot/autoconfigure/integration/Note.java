package dev.migrations.boot.autoconfigure.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The table the test revisions create; Hibernate validates it against them on start-up. */
@Entity
class Note {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 200)
	private String body;

	@Column(length = 40)
	private String tag;

	protected Note() {
	}

	Note(String body, String tag) {
		this.body = body;
		this.tag = tag;
	}

	Long getId() {
		return this.id;
	}

}
